package dev.watchfloor.ingest.hec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import dev.watchfloor.commons.problem.ProblemException;
import dev.watchfloor.ingest.intake.Admission;
import dev.watchfloor.ingest.intake.IntakeService;
import dev.watchfloor.ingest.intake.IntakeService.Incoming;
import dev.watchfloor.ingest.intake.Submission;
import dev.watchfloor.ingest.normalize.Normalizer;
import dev.watchfloor.ingest.normalize.format.Piece;
import dev.watchfloor.ingest.normalize.format.RecordReader;

/**
 * A Splunk HTTP Event Collector–compatible endpoint, so forwarders that speak HEC (Splunk's own, Fluent Bit, Vector,
 * Cribl, OpenTelemetry's exporter) send here unchanged: {@code /services/collector/event} (concatenated JSON objects
 * with {@code event}, {@code time}, {@code host}, {@code source}, {@code sourcetype}, {@code index}, {@code fields}),
 * {@code /services/collector/raw} (a raw body, read like {@code POST /v1/events}), and
 * {@code /services/collector/health}. A HEC token ({@code Authorization: Splunk <token>}, or Basic with the token as
 * password) maps to a tenant and client ({@code POST /v1/hec-tokens}). Answers and error codes are HEC's
 * ({@code {"text":"Success","code":0}}, 5 no data, 6 invalid data format, 12/13 event field missing or blank, 2/3/4/1
 * token missing, malformed, invalid or disabled, 9 busy). Events that cannot be read are quarantined, never dropped.
 */
@Path("/services/collector")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class HecResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IntakeService intake;
    private final HecTokens tokens;
    private final Admission admission;
    private final HecAcks acks;

    public HecResource(IntakeService intake, HecTokens tokens, Admission admission, HecAcks acks) {
        this.intake = intake;
        this.tokens = tokens;
        this.admission = admission;
        this.acks = acks;
    }

    @GET
    @Path("/health")
    @Operation(summary = "HEC health")
    public Response health() {
        return answer(200, "HEC is healthy", 17, null);
    }

    @GET
    @Path("/health/1.0")
    public Response health10() {
        return health();
    }

    @POST
    @Path("/event")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "HEC events: concatenated JSON objects, each with an 'event'")
    public Uni<Response> event(byte[] body, @BeanParam HecRequest request) {
        return authorized(request, grant -> events(grant, body, request.channel()));
    }

    @POST
    @Path("/event/1.0")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> event10(byte[] body, @BeanParam HecRequest request) {
        return event(body, request);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> collector(byte[] body, @BeanParam HecRequest request) {
        return event(body, request);
    }

    @POST
    @Path("/ack")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "HEC indexer acknowledgement: {\"acks\":[ids]} of a channel, each answered true once committed")
    public Uni<Response> ack(byte[] body, @BeanParam HecRequest request) {
        String channel = request.channel();
        return authorized(request, grant -> {
            if (channel == null) {
                return Uni.createFrom().item(answer(400, "Data channel is missing", 10, null));
            }
            Map<String, Boolean> answers = acks.answer(grant.tenant(), channel, body);
            return Uni.createFrom().item(answers == null
                    ? answer(400, "Invalid data format", 6, null)
                    : Response.ok(Map.of("acks", answers), MediaType.APPLICATION_JSON).build());
        });
    }

    @POST
    @Path("/raw")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "HEC raw: the body read like POST /v1/events; ?sourcetype=, ?host= apply to every record")
    public Uni<Response> raw(byte[] body, @BeanParam HecRequest request,
            @QueryParam("sourcetype") String sourcetype, @QueryParam("host") String host) {
        return authorized(request, grant -> {
            if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
                return Uni.createFrom().item(answer(400, "No data", 5, null));
            }
            String source = SplunkSourcetypes.mapper(sourcetype);
            Normalizer.Defaults defaults = new Normalizer.Defaults(null, blank(host));
            List<Incoming> incoming = intake.reader().read(body, RecordReader.Hint.DETECT).stream()
                    .map(p -> new Incoming(p, source, defaults)).toList();
            return store(grant, incoming, null, request.channel());
        });
    }

    @POST
    @Path("/raw/1.0")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> raw10(byte[] body, @BeanParam HecRequest request,
            @QueryParam("sourcetype") String sourcetype, @QueryParam("host") String host) {
        return raw(body, request, sourcetype, host);
    }

    private Uni<Response> events(HecTokens.Grant grant, byte[] body, String channel) {
        if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return Uni.createFrom().item(answer(400, "No data", 5, null));
        }
        List<Incoming> incoming = new ArrayList<>();
        Response invalid = null;
        int n = 0;
        try (JsonParser parser = JSON.getFactory().createParser(body)) {
            long start = 0;
            while (true) {
                JsonToken token;
                try {
                    token = parser.nextToken();
                    if (token == null) {
                        break;
                    }
                    start = parser.currentTokenLocation().getByteOffset();
                    JsonNode node = JSON.readTree(parser);
                    Response problem = add(node, start, incoming);
                    if (problem != null && invalid == null) {
                        invalid = with(problem, "invalid-event-number", n);
                    }
                } catch (IOException e) {
                    // the rest of the body cannot be read: keep it in quarantine and say which event broke
                    String rest = new String(body, (int) start, body.length - (int) start, StandardCharsets.UTF_8);
                    String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException json
                            ? json.getOriginalMessage()
                            : e.getMessage();
                    incoming.add(new Incoming(Piece.quarantined(start, "HEC: invalid JSON: "
                            + String.valueOf(why).lines().findFirst().orElse(""), rest), null, null));
                    if (invalid == null) {
                        invalid = with(answer(400, "Invalid data format", 6, null), "invalid-event-number", n);
                    }
                    break;
                }
                n++;
            }
        } catch (IOException e) {
            return Uni.createFrom().item(answer(400, "Invalid data format", 6, null));
        }
        return store(grant, incoming, invalid, channel);
    }

    /** Adds one HEC event object; answers the HEC error when it is not one (the object is then quarantined). */
    private Response add(JsonNode node, long offset, List<Incoming> incoming) {
        if (!node.isObject() || !node.has("event") || node.get("event").isNull()) {
            incoming.add(new Incoming(Piece.quarantined(offset, "HEC: the event field is required", node.toString()),
                    null, null));
            return answer(400, "Event field is required", 12, null);
        }
        JsonNode event = node.get("event");
        if (event.isTextual() && event.asText().isBlank() || event.isObject() && event.isEmpty()) {
            incoming.add(new Incoming(Piece.quarantined(offset, "HEC: the event field is blank", node.toString()),
                    null, null));
            return answer(400, "Event field cannot be blank", 13, null);
        }
        String text = event.isTextual() ? event.asText() : event.toString();
        Piece piece = intake.reader().message(text, offset);
        if (!piece.isQuarantined()) {
            ObjectNode hec = JSON.createObjectNode();
            for (String field : List.of("source", "sourcetype", "index", "fields")) {
                if (node.has(field)) {
                    hec.set(field, node.get(field));
                }
            }
            if (!hec.isEmpty()) {
                piece.parsed().fields().set("hec", hec); // kept with the record (in unmapped), not lost
            }
        }
        JsonNode t = node.get("time");
        // epoch seconds with a fraction; a double's text would be "1.79E9"
        String time = t == null || t.isNull()
                ? null
                : t.isFloatingPointNumber() ? java.math.BigDecimal.valueOf(t.asDouble()).toPlainString() : t.asText();
        String host = node.hasNonNull("host") ? node.get("host").asText() : null;
        String source = SplunkSourcetypes
                .mapper(node.hasNonNull("sourcetype") ? node.get("sourcetype").asText() : null);
        incoming.add(new Incoming(piece, source, new Normalizer.Defaults(time, host)));
        return null;
    }

    /** Stores the records; a success names its ackId when the request named a channel. */
    private Uni<Response> store(HecTokens.Grant grant, List<Incoming> incoming, Response invalid, String channel) {
        IntakeService.Kind kind = grant.kind().equals("alert") ? IntakeService.Kind.ALERT : IntakeService.Kind.EVENT;
        Submission submission = new Submission(grant.tenant(), grant.client(), null);
        return admission.admit(() -> intake.store(submission, kind, null, intake.normalize(kind, incoming)))
                .map(results -> invalid != null
                        ? invalid
                        : channel == null
                                ? answer(200, "Success", 0, null)
                                : with(answer(200, "Success", 0, null), "ackId", acks.issue(grant.tenant(), channel)))
                .onFailure().recoverWithItem(e -> {
                    if (e instanceof ProblemException p && p.status() == 503) {
                        return answer(503, "Server is busy", 9, null);
                    }
                    if (e instanceof ProblemException p && p.status() < 500) {
                        return answer(400, p.getMessage(), 6, null);
                    }
                    Log.errorf(e, "HEC request failed");
                    return answer(500, "Internal server error", 8, null);
                });
    }

    private Uni<Response> authorized(HecRequest request,
            java.util.function.Function<HecTokens.Grant, Uni<Response>> then) {
        String authorization = request.authorization;
        String queryToken = request.queryToken;
        String token;
        if (authorization == null || authorization.isBlank()) {
            if (queryToken != null && !queryToken.isBlank()) {
                return Uni.createFrom().item(answer(400, "Query string authorization is not enabled", 16, null));
            }
            return Uni.createFrom().item(answer(401, "Token is required", 2, null));
        }
        token = HecTokens.fromAuthorization(authorization.strip());
        if (token == null) {
            return Uni.createFrom().item(answer(401, "Invalid authorization", 3, null));
        }
        return tokens.resolve(token).chain(grant -> {
            if (grant == null) {
                return Uni.createFrom().item(answer(403, "Invalid token", 4, null));
            }
            if (grant.disabled()) {
                return Uni.createFrom().item(answer(403, "Token disabled", 1, null));
            }
            if (request.channel() != null && !HecAcks.valid(request.channel())) {
                return Uni.createFrom().item(answer(400, "Invalid data channel", 11, null));
            }
            return then.apply(grant);
        });
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Response answer(int status, String text, int code, Integer invalidEvent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("code", code);
        if (invalidEvent != null) {
            body.put("invalid-event-number", invalidEvent);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    /** The answer with one more field ({@code ackId}, {@code invalid-event-number}). */
    @SuppressWarnings("unchecked")
    private static Response with(Response r, String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) r.getEntity());
        body.put(field, value);
        return Response.status(r.getStatus()).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
