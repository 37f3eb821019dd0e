package dev.watchfloor.ingest.normalize.vendor;

import java.util.List;

import dev.watchfloor.ingest.normalize.ocsf.Mapper;

/**
 * Every vendor mapper, in detection order: a mapper whose {@code matches} is narrow comes before one that claims a
 * broad shape (generic CEF/LEEF after the vendors that send CEF, OCSF and ECS pass-through after the vendors).
 */
public final class VendorMappers {

    private VendorMappers() {
    }

    public static List<Mapper> all() {
        return List.of(
                // identity and cloud
                // endpoint
                // network and syslog
                new dev.watchfloor.ingest.normalize.vendor.network.CiscoAsaMapper(),
                new dev.watchfloor.ingest.normalize.vendor.network.CiscoIosMapper(),
                new dev.watchfloor.ingest.normalize.vendor.network.PanOsMapper(),
                new dev.watchfloor.ingest.normalize.vendor.network.FortiGateMapper(),
                new dev.watchfloor.ingest.normalize.vendor.network.LinuxAuthMapper(),
                // generic formats
                new dev.watchfloor.ingest.normalize.vendor.network.CefMapper(),
                new dev.watchfloor.ingest.normalize.vendor.network.LeefMapper());
    }
}
