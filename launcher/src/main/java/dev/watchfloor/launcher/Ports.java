package dev.watchfloor.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Local TCP port checks. */
public final class Ports {

    private Ports() {
    }

    /**
     * True when a server could bind the port on all interfaces now. Address reuse is on, as in Vert.x, so sockets of a
     * just-stopped service lingering in TIME_WAIT do not count as "in use".
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** An ephemeral port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    static void requireFree(ServiceSpec spec) {
        if (!isFree(spec.port())) {
            throw new MeshStartException("port " + spec.port() + " needed by " + spec.name()
                    + " is already in use; is another Watchfloor (or another program) running? Stop it or free the port.");
        }
    }
}
