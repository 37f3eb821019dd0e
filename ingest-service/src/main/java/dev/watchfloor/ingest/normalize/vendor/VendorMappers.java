package dev.watchfloor.ingest.normalize.vendor;

import java.util.List;

import dev.watchfloor.ingest.normalize.ocsf.Mapper;
import dev.watchfloor.ingest.normalize.vendor.cloud.AwsWafMapper;
import dev.watchfloor.ingest.normalize.vendor.cloud.FalcoMapper;
import dev.watchfloor.ingest.normalize.vendor.cloud.KubernetesAuditMapper;
import dev.watchfloor.ingest.normalize.vendor.cloud.M365AuditMapper;
import dev.watchfloor.ingest.normalize.vendor.cloud.M365MessageTraceMapper;
import dev.watchfloor.ingest.normalize.vendor.cloud.QRadarOffenseMapper;
import dev.watchfloor.ingest.normalize.vendor.cloud.Route53ResolverMapper;
import dev.watchfloor.ingest.normalize.vendor.cloud.VpcFlowMapper;
import dev.watchfloor.ingest.normalize.vendor.endpoint.CrowdStrikeMapper;
import dev.watchfloor.ingest.normalize.vendor.endpoint.DefenderMapper;
import dev.watchfloor.ingest.normalize.vendor.endpoint.WindowsMapper;
import dev.watchfloor.ingest.normalize.vendor.identity.CloudTrailMapper;
import dev.watchfloor.ingest.normalize.vendor.identity.EntraAuditMapper;
import dev.watchfloor.ingest.normalize.vendor.identity.EntraSignInMapper;
import dev.watchfloor.ingest.normalize.vendor.identity.GitHubAuditMapper;
import dev.watchfloor.ingest.normalize.vendor.identity.GoogleWorkspaceMapper;
import dev.watchfloor.ingest.normalize.vendor.identity.GuardDutyFindingMapper;
import dev.watchfloor.ingest.normalize.vendor.identity.OktaSystemLogMapper;
import dev.watchfloor.ingest.normalize.vendor.identity.SecurityHubFindingMapper;
import dev.watchfloor.ingest.normalize.vendor.network.CefMapper;
import dev.watchfloor.ingest.normalize.vendor.network.CiscoAsaMapper;
import dev.watchfloor.ingest.normalize.vendor.network.CiscoIosMapper;
import dev.watchfloor.ingest.normalize.vendor.network.FortiGateMapper;
import dev.watchfloor.ingest.normalize.vendor.network.LeefMapper;
import dev.watchfloor.ingest.normalize.vendor.network.LinuxAuthMapper;
import dev.watchfloor.ingest.normalize.vendor.network.PanOsMapper;
import dev.watchfloor.ingest.normalize.vendor.network.SilkFlowMapper;
import dev.watchfloor.ingest.normalize.vendor.sensor.EcsMapper;
import dev.watchfloor.ingest.normalize.vendor.sensor.OcsfNativeMapper;
import dev.watchfloor.ingest.normalize.vendor.sensor.SuricataEveMapper;
import dev.watchfloor.ingest.normalize.vendor.sensor.ZeekMapper;

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
                new OktaSystemLogMapper(), new CloudTrailMapper(), new GuardDutyFindingMapper(),
                new SecurityHubFindingMapper(), new EntraSignInMapper(), new EntraAuditMapper(),
                new GoogleWorkspaceMapper(), new GitHubAuditMapper(),
                // endpoint
                new CrowdStrikeMapper(), new DefenderMapper(), new WindowsMapper(),
                // cloud and other
                new KubernetesAuditMapper(), new Route53ResolverMapper(), new VpcFlowMapper(), new AwsWafMapper(),
                new FalcoMapper(), new M365MessageTraceMapper(), new M365AuditMapper(), new QRadarOffenseMapper(),
                // network and syslog
                new CiscoAsaMapper(), new CiscoIosMapper(), new PanOsMapper(), new FortiGateMapper(),
                new LinuxAuthMapper(), new ZeekMapper(), new SuricataEveMapper(), new SilkFlowMapper(),
                // generic formats
                new CefMapper(), new LeefMapper(), new OcsfNativeMapper(), new EcsMapper());
    }
}
