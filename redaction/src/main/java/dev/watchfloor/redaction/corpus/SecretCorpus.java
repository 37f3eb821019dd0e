package dev.watchfloor.redaction.corpus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Deterministic test events for redaction: OCSF-like JSON events (authentication, process, network, HTTP) with a title,
 * each planting 1-4 made-up secrets or personal values of varied kinds in varied forms (a plain member, a
 * {@code key=value} in the message, base64, URL encoding, JSON {@code \\u00XX} escapes, a JSON document inside a
 * string, the title). The same seed gives the same events. Used by tests here and in other modules.
 */
public final class SecretCorpus {

    enum Form {
        PLAIN, KEY_VALUE, BASE64, URL_ENCODED, JSON_ESCAPED, EMBEDDED_JSON, TITLE
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PASSWORD_KEYS = {"password", "passwd", "pwd", "client_secret", "api_key", "token",
            "db_password"};

    private SecretCorpus() {
    }

    /** {@code count} events with planted values, the same for the same seed. */
    public static List<SeededEvent> generate(long seed, int count) {
        Random random = new Random(seed);
        BenignEvents benign = new BenignEvents(random);
        FakeValues fakes = new FakeValues(random);
        List<SeededEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(planted(random, benign, fakes));
        }
        return events;
    }

    /** {@code count} events with nothing to redact (the secrets lists are empty), the same for the same seed. */
    public static List<SeededEvent> benign(long seed, int count) {
        Random random = new Random(seed);
        BenignEvents benign = new BenignEvents(random);
        List<SeededEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BenignEvents.Kind kind = benign.kind();
            ObjectNode event = benign.event(kind);
            events.add(new SeededEvent(benign.title(kind, event), text(event), List.of()));
        }
        return events;
    }

    private static SeededEvent planted(Random random, BenignEvents benign, FakeValues fakes) {
        BenignEvents.Kind kind = benign.kind();
        ObjectNode event = benign.event(kind);
        StringBuilder title = new StringBuilder(benign.title(kind, event));
        ObjectNode unmapped = (ObjectNode) event.get("unmapped");
        List<String> secrets = new ArrayList<>();
        List<String[]> escapes = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int k = 0; k < n; k++) {
            Plant plant = plant(random, fakes);
            secrets.add(plant.secret());
            Form form = Form.values()[random.nextInt(Form.values().length)];
            ObjectNode target = (ObjectNode) unmapped.putObject("extra_" + benign.uuid().substring(0, 8));
            switch (form) {
                case PLAIN -> target.put(plant.memberName(), plant.memberValue());
                case KEY_VALUE ->
                    event.put("message", event.path("message").asText() + " detail " + plant.carrier() + " seen");
                case BASE64 -> target.put("encoded_payload", base64("note " + plant.carrier()));
                case URL_ENCODED -> target.put("callback_url",
                        "https://hooks.example.net/cb?ref=" + urlEncoded(plant.carrier()) + "&v=2");
                case JSON_ESCAPED -> escapes.add(escaped(target, plant.carrier(), benign.uuid()));
                case EMBEDDED_JSON ->
                    target.put("raw_data", text(JSON.createObjectNode().put(plant.memberName(), plant.memberValue())));
                case TITLE -> title.append(" detail ").append(plant.carrier()).append(" seen");
            }
        }
        String json = text(event);
        for (String[] escape : escapes) {
            json = json.replace(escape[0], escape[1]);
        }
        return new SeededEvent(title.toString(), json, secrets);
    }

    private static Plant plant(Random random, FakeValues fakes) {
        return switch (random.nextInt(16)) {
            case 0 -> Plant.ofValue(fakes.awsAccessKey(), "access_key_id");
            case 1 -> Plant.keyed("aws_secret_access_key", fakes.awsSecretKey());
            case 2 -> Plant.ofValue(fakes.githubToken(), "vcs_credential");
            case 3 -> Plant.ofValue(fakes.slackToken(), "webhook_credential");
            case 4 -> Plant.ofValue(fakes.jwt(), "session_assertion");
            case 5 -> Plant.ofValue(fakes.privateKey(), "key_material");
            case 6 -> urlPassword(fakes.password());
            case 7 -> authorization(fakes.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32));
            case 8, 9 -> Plant.keyed(PASSWORD_KEYS[random.nextInt(PASSWORD_KEYS.length)], fakes.password());
            case 10 -> Plant.ofValue(fakes.email(), "email_addr");
            case 11 -> Plant.ofValue(fakes.phone(), "phone_number");
            case 12 -> Plant.ofValue(fakes.cardNumber(), "card");
            case 13 -> Plant.ofValue(fakes.ssn(), "ssn");
            case 14 -> Plant.ofValue(fakes.nino(), "ni_number");
            default -> Plant.ofValue(fakes.sin(), "sin");
        };
    }

    private static Plant urlPassword(String password) {
        String url = "postgres://svc_app:" + password + "@db-01.prod.internal:5432/orders";
        return new Plant(password, url, "dsn", url);
    }

    private static Plant authorization(String token) {
        return new Plant(token, "Authorization: Bearer " + token, "authorization", "Bearer " + token);
    }

    /**
     * Puts a placeholder member and returns {placeholder, replacement}: the placeholder's JSON string replaced by the
     * carrier with every character written as a {@code \\u00XX} escape (Jackson never writes escapes that are not
     * needed, so this one form is spliced into the generated text).
     */
    private static String[] escaped(ObjectNode target, String carrier, String placeholder) {
        target.put("escaped_note", placeholder);
        StringBuilder escapes = new StringBuilder("\"");
        for (char c : carrier.toCharArray()) {
            escapes.append(String.format("\\u%04x", (int) c));
        }
        return new String[]{"\"" + placeholder + "\"", escapes.append('"').toString()};
    }

    /** Base64 of the UTF-8 text, the encoded form a test looks for. */
    public static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** URL encoding of the text with {@code %20} for spaces, the encoded form a test looks for. */
    public static String urlEncoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String text(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
