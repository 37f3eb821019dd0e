package dev.watchfloor.ingest.syslog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;

import dev.watchfloor.ingest.IngestConfig;
import dev.watchfloor.ingest.intake.IntakeService;
import dev.watchfloor.ingest.intake.IntakeService.Incoming;
import dev.watchfloor.ingest.intake.IntakeService.Kind;
import dev.watchfloor.ingest.intake.Submission;
import dev.watchfloor.ingest.normalize.Normalizer;

/**
 * The syslog listener, on ports of its own: TCP with RFC 6587 framing (octet counting or LF), UDP (one message per
 * datagram), and TLS per RFC 5425 when a certificate is configured. Messages are read like any text record (RFC
 * 3164/5424 header, then CEF, LEEF, JSON or key=value), batched, and stored through the same path as
 * {@code POST /v1/events} (or alerts) for the configured tenant. While a batch cannot be stored (the database is down),
 * messages wait in memory up to a bound and TCP connections stop being read, so senders queue instead of losing
 * records; UDP has no such recourse and its overflow is counted and logged.
 */
@ApplicationScoped
public class SyslogListener {

    private final Vertx vertx;
    private final IntakeService intake;
    private final IngestConfig.Syslog config;
    private final Set<NetSocket> paused = ConcurrentHashMap.newKeySet();
    private final List<Incoming> pending = new ArrayList<>();
    private final List<AutoCloseable> servers = new ArrayList<>();
    private boolean flushing;
    private long timer = -1;
    private long dropped;
    private int tcpPort = -1;
    private int udpPort = -1;
    private int tlsPort = -1;

    public SyslogListener(Vertx vertx, IntakeService intake, IngestConfig config) {
        this.vertx = vertx;
        this.intake = intake;
        this.config = config.syslog();
    }

    void start(@Observes StartupEvent start) {
        if (!config.enabled()) {
            return;
        }
        if (config.tenant().isEmpty()) {
            throw new IllegalStateException("watchfloor.ingest.syslog.tenant must name the tenant syslog records "
                    + "belong to when the listener is enabled");
        }
        NetServer tcp = vertx.createNetServer(new NetServerOptions().setHost(config.host()));
        tcp.connectHandler(this::connected);
        tcpPort = await(tcp.listen(config.tcpPort())).actualPort();
        servers.add(() -> tcp.close());
        DatagramSocket udp = vertx.createDatagramSocket(new DatagramSocketOptions().setReceiveBufferSize(4 << 20));
        udp.handler(packet -> received(packet.data().toString(java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("[\\r\\n\\x00]+$", ""), packet.sender().host()));
        udpPort = await(udp.listen(config.udpPort(), config.host())).localAddress().port();
        servers.add(() -> udp.close());
        if (config.tls().cert().isPresent() && config.tls().key().isPresent()) {
            NetServer tls = vertx.createNetServer(new NetServerOptions().setHost(config.host()).setSsl(true)
                    .setKeyCertOptions(new PemKeyCertOptions().setCertPath(config.tls().cert().get())
                            .setKeyPath(config.tls().key().get())));
            tls.connectHandler(this::connected);
            tlsPort = await(tls.listen(config.tls().port())).actualPort();
            servers.add(() -> tls.close());
        }
        Log.infof("Syslog listener on %s: TCP %d, UDP %d%s, records of tenant %s", config.host(), tcpPort, udpPort,
                tlsPort < 0 ? "" : ", TLS " + tlsPort, config.tenant().get());
    }

    void stop(@Observes ShutdownEvent stop) {
        for (AutoCloseable server : servers) {
            try {
                server.close();
            } catch (Exception e) {
                Log.debugf("closing a syslog server: %s", e.getMessage());
            }
        }
    }

    /** The bound ports (for tests that listen on port 0): TCP, UDP, TLS (-1 when off). */
    public int[] ports() {
        return new int[]{tcpPort, udpPort, tlsPort};
    }

    private void connected(NetSocket socket) {
        SyslogFramer framer = new SyslogFramer(config.maxMessageBytes());
        String peer = socket.remoteAddress() == null ? null : socket.remoteAddress().host();
        socket.handler(buffer -> {
            for (String message : framer.feed(buffer.getBytes())) {
                received(message, peer);
            }
            if (full()) {
                socket.pause();
                paused.add(socket);
            }
        });
        socket.endHandler(v -> framer.close().forEach(m -> received(m, peer)));
        socket.closeHandler(v -> paused.remove(socket));
        socket.exceptionHandler(e -> Log.debugf("syslog connection from %s: %s", peer, e.getMessage()));
    }

    private synchronized void received(String message, String peer) {
        if (message.isBlank()) {
            return;
        }
        if (pending.size() >= config.maxPending()) {
            dropped++;
            if (dropped == 1 || dropped % 1000 == 0) {
                Log.warnf("Syslog listener full (%d messages waiting for the store): %d UDP messages dropped",
                        pending.size(), dropped);
            }
            return;
        }
        pending.add(new Incoming(intake.reader().message(message, 0), null, new Normalizer.Defaults(null, peer)));
        if (pending.size() >= config.batchSize()) {
            flush();
        } else if (timer < 0) {
            timer = vertx.setTimer(config.flushInterval().toMillis(), id -> {
                synchronized (this) {
                    timer = -1;
                }
                flush();
            });
        }
    }

    private synchronized boolean full() {
        return pending.size() >= config.maxPending();
    }

    private void flush() {
        List<Incoming> batch;
        synchronized (this) {
            if (flushing || pending.isEmpty()) {
                return;
            }
            flushing = true;
            batch = new ArrayList<>(pending.subList(0, Math.min(pending.size(), config.batchSize())));
        }
        Kind kind = config.kind().equals("alert") ? Kind.ALERT : Kind.EVENT;
        Submission submission = new Submission(config.tenant().get(), config.client(), null);
        io.vertx.core.Context context = vertx.getOrCreateContext();
        context.runOnContext(v -> intake.store(submission, kind, null, intake.normalize(kind, batch))
                .subscribe().with(results -> done(batch.size(), null), failure -> done(0, failure)));
    }

    private void done(int stored, Throwable failure) {
        boolean more;
        synchronized (this) {
            pending.subList(0, stored).clear();
            flushing = false;
            more = !pending.isEmpty();
        }
        if (failure != null) {
            Log.warnf("Storing %s syslog messages failed, retrying in %s: %s", pending.size(),
                    config.retryInterval(), failure.getMessage());
            vertx.setTimer(config.retryInterval().toMillis(), id -> flush());
            return;
        }
        if (!full()) {
            paused.forEach(NetSocket::resume);
            paused.clear();
        }
        if (more) {
            flush();
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}
