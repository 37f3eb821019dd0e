package dev.watchfloor.launcher;

/** Progress of {@link MeshLauncher#start(MeshOptions, MeshListener)}; every method does nothing by default. */
public interface MeshListener {

    MeshListener SILENT = new MeshListener() {
    };

    default void databaseReady(DatabaseDescriptor database, boolean embedded) {
    }

    default void starting(ServiceSpec service) {
    }

    default void ready(ServiceProcess service) {
    }
}
