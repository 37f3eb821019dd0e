package dev.watchfloor.cli.ingest;

import dev.watchfloor.cli.api.ServiceUrls;
import dev.watchfloor.cli.demo.DemoCommand;
import dev.watchfloor.cli.demo.DemoIdentities;
import dev.watchfloor.launcher.RunningMesh;
import dev.watchfloor.launcher.ServiceSpec;

/** A tenant of its own on a local mesh, with the SIEM client the ingest commands post as. */
final class IngestMesh {

    private IngestMesh() {
    }

    static DemoIdentities tenant(RunningMesh mesh) {
        return DemoIdentities.provision(DemoCommand.endpoint(mesh, ServiceSpec.GOVERNANCE,
                ServiceUrls.GOVERNANCE_ENV), mesh.credentials());
    }

    static dev.watchfloor.cli.api.TokenSource siem(RunningMesh mesh) {
        return tenant(mesh).siem();
    }
}
