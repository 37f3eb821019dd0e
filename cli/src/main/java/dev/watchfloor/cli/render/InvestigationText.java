package dev.watchfloor.cli.render;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code watchfloor show}: one investigation as text, section by section, from the service's JSON view. */
public final class InvestigationText {

    private static final String NL = System.lineSeparator();

    private InvestigationText() {
    }

    public static String render(JsonNode v) {
        StringBuilder out = new StringBuilder();
        out.append("investigation ").append(v.path("id").asText()).append(" (alert ").append(v.path("alertId").asText())
                .append(')').append(NL);
        line(out, "title", v.path("title").asText());
        group(out, v);
        line(out, "status", v.path("status").asText() + attempts(v));
        line(out, "verdict", v.path("verdict").asText("-") + ", severity " + v.path("severity").asText("-")
                + ", confidence " + v.path("confidence").asText("-"));
        line(out, "summary", v.path("summary").asText(""));
        line(out, "path", v.path("path").asText("-") + (v.hasNonNull("pathReason")
                ? " (" + v.path("pathReason").asText() + ")"
                : ""));
        line(out, "route", v.path("route").asText("-") + (v.hasNonNull("model")
                ? ", model " + v.path("model").asText()
                : "") + (v.hasNonNull("promptVersion") ? ", prompt " + v.path("promptVersion").asText() : ""));
        line(out, "policy", v.path("modelCall").path("policy").asText("-") + ", classification "
                + v.path("modelCall").path("classification").asText("-") + ", budget "
                + v.path("modelCall").path("budget").asText("-"));
        line(out, "techniques", join(v.path("techniques")));
        line(out, "cost", usd(v.path("costUsd")) + " USD");
        line(out, "trace", v.path("traceId").asText());
        if (v.hasNonNull("lastError")) {
            line(out, "last error", v.path("lastError").asText());
        }
        Table checks = new Table("check", "outcome", "detail");
        v.path("verification").forEach(c -> checks.row(c.path("check").asText(), c.path("outcome").asText(),
                Text.wrap(String.join("; ", strings(c.path("problems"))), 80)));
        section(out, "verification", checks);
        Table findings = new Table("finding", "evidence");
        v.path("findings").forEach(f -> findings.row(Text.wrap(f.path("statement").asText(), 90),
                join(f.path("evidenceIds"))));
        section(out, "findings", findings);
        Table evidence = new Table("id", "kind", "relevance", "summary");
        v.path("evidence").forEach(e -> evidence.row(e.path("id").asText(), e.path("kind").asText(),
                e.path("relevance").asText(), Text.wrap(e.path("summary").asText(), 80)));
        section(out, "evidence", evidence);
        Table steps = new Table("step", "status", "latency ms", "USD");
        v.path("steps").forEach(s -> steps.row(s.path("name").asText(), s.path("status").asText(),
                s.path("latencyMs").asLong(), usd(s.path("costUsd"))));
        section(out, "steps", steps);
        Table calls = new Table("call", "model", "input", "output", "USD", "latency ms", "outcome");
        v.path("modelCalls").forEach(c -> calls.row(c.path("label").asText(), c.path("model").asText(),
                c.path("inputTokens").asLong(), c.path("outputTokens").asLong(), usd(c.path("costUsd")),
                c.path("latencyMs").asLong(), c.path("outcome").asText()));
        section(out, "model calls", calls);
        Table actions = new Table("action", "type", "target", "state", "approval");
        v.path("actions").forEach(a -> actions.row(a.path("actionId").asText(), a.path("type").asText(),
                a.path("target").asText(), a.path("state").asText(), a.path("approvalId").asText("-")));
        section(out, "actions", actions);
        if (v.hasNonNull("actionsError")) {
            line(out, "actions", v.path("actionsError").asText());
        }
        JsonNode feedback = v.path("feedback");
        if (feedback.isObject()) {
            out.append(NL);
            line(out, "feedback", (feedback.path("agreed").asBoolean()
                    ? "agreed"
                    : "corrected to "
                            + feedback.path("verdict").asText())
                    + " by " + feedback.path("by").asText() + " at "
                    + feedback.path("at").asText());
        }
        return out.toString();
    }

    /**
     * The alert's near duplicates attached to this investigation, as the view read them: the count, the span, what
     * grouped them and the member ids listed (each fetchable with ingest's {@code GET /v1/alerts/ID}).
     */
    private static void group(StringBuilder out, JsonNode v) {
        JsonNode g = v.path("group");
        if (v.hasNonNull("groupError")) {
            line(out, "group", v.path("groupError").asText());
        }
        int members = g.path("members").asInt();
        if (!g.isObject() || members < 2) {
            return;
        }
        line(out, "group", members + " alerts (" + (members - 1) + " near duplicates attached) from "
                + g.path("firstSeen").asText() + " to " + g.path("lastSeen").asText()
                + (g.path("open").asBoolean() ? ", still open" : ", closed") + "; grouped by "
                + join(g.path("keys")));
        int listed = g.path("memberAlertIds").size();
        line(out, "members", join(g.path("memberAlertIds")) + (listed < members
                ? " (" + listed + " of " + members + " listed)"
                : ""));
    }

    /** Dollars as written, never in scientific notation (0.0004, not 4.0E-4). */
    private static String usd(JsonNode value) {
        return value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : "0";
    }

    private static String attempts(JsonNode v) {
        return v.path("attempts").asInt() > 1 ? " after " + v.path("attempts").asInt() + " attempts" : "";
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-11s %s", label + ":", value)).append(NL);
    }

    private static void section(StringBuilder out, String title, Table table) {
        if (!table.isEmpty()) {
            out.append(NL).append(title).append(NL).append(table.render());
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static String join(JsonNode array) {
        List<String> list = strings(array);
        return list.isEmpty() ? "-" : String.join(", ", list);
    }
}
