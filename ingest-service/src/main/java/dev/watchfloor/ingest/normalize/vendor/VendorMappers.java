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
                new dev.watchfloor.ingest.normalize.vendor.sensor.ZeekMapper(),
                new dev.watchfloor.ingest.normalize.vendor.sensor.SuricataEveMapper(),
                // generic formats
                new dev.watchfloor.ingest.normalize.vendor.sensor.OcsfNativeMapper(),
                new dev.watchfloor.ingest.normalize.vendor.sensor.EcsMapper());
    }
}
