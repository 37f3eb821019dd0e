package dev.watchfloor.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Guards the embedded data directory: a PostgreSQL left running by an earlier run that was killed hard still owns it,
 * and wiping the directory under it would break that server in confusing ways.
 */
final class StalePostmaster {

    private StalePostmaster() {
    }

    static void refuseIfRunning(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid = firstLineAsPid(pidFile);
        boolean running = pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (running) {
            throw new MeshStartException("an embedded PostgreSQL from an earlier run still uses " + dataDir + " (pid "
                    + pid + "); stop it with `kill " + pid + "` and try again");
        }
    }

    private static long firstLineAsPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
