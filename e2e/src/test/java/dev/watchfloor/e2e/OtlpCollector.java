package dev.watchfloor.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * A local stand-in for an OpenTelemetry collector: accepts OTLP/HTTP protobuf exports on /v1/traces, as the services'
 * exporters send them, and keeps every span with the service that reported it.
 */
final class OtlpCollector implements AutoCloseable {

    record CollectedSpan(String service, String traceId, String name) {
    }

    private final HttpServer server;
    private final List<CollectedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();

    OtlpCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Set<String> servicesInTrace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).map(CollectedSpan::service)
                .collect(Collectors.toSet());
    }

    List<CollectedSpan> spans() {
        return List.copyOf(spans);
    }

    /** Every export request as received (protobuf bytes), to look for what must never be in a span. */
    List<byte[]> exports() {
        return List.copyOf(exports);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = body.readAllBytes();
            exports.add(bytes);
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(bytes);
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(a -> a.getKey().equals("service.name")).map(KeyValue::getValue)
                        .map(v -> v.getStringValue()).findFirst().orElse("unknown");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    for (Span span : scope.getSpansList()) {
                        spans.add(new CollectedSpan(service, HexFormat.of().formatHex(span.getTraceId()
                                .toByteArray()), span.getName()));
                    }
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
