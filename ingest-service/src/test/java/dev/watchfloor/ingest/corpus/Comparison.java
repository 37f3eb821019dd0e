package dev.watchfloor.ingest.corpus;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** The corpus README's comparison rules, for one input's emitted events against its expected ones. */
final class Comparison {

    private static final List<String> EXACT = List.of("class_uid", "activity_id", "type_uid", "severity_id",
            "status_id");
    private static final List<String> ENDPOINTS = List.of("src_endpoint.ip", "src_endpoint.port", "dst_endpoint.ip",
            "dst_endpoint.port");
    /** Classes OCSF 1.3 no longer has (1010 Registry Key Activity of 1.0.0-rc.2): their class fields are skipped. */
    private static final Set<Integer> RETIRED_CLASSES = Set.of(1010, 1011, 1012);
    /**
     * Deprecated classes and the class that replaced them: OCSF 1.1.0 deprecated Security Finding (2001) for Detection
     * Finding (2004), which the ingest issue asks for. An expected file written with the old class has its class and
     * type left out, but only while ours is exactly the successor with the same activity.
     */
    private static final Map<Integer, Integer> SUCCESSORS = Map.of(2001, 2004);

    private Comparison() {
    }

    static void compare(String vendor, String file, List<JsonNode> expected, List<JsonNode> actual,
            Map<String, Set<String>> aliases, Map<String, String> defects, Tally tally) {
        tally.files++;
        if (expected.size() != actual.size()) {
            tally.misses.add(file + ": emitted " + actual.size() + " events, expected " + expected.size());
        }
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = expected.get(i);
            JsonNode got = i < actual.size() ? actual.get(i) : null;
            String where = file + (expected.size() > 1 ? "#" + i : "");
            if (got == null) {
                int paths = countPresent(want);
                tally.compared += paths;
                tally.misses.add(where + ": no event (" + paths + " fields)");
                continue;
            }
            boolean retired = RETIRED_CLASSES.contains(want.path("class_uid").asInt());
            for (String path : EXACT) {
                if (!retired || path.equals("severity_id") || path.equals("status_id")) {
                    exact(file, where, path, want, got, defects, tally);
                }
            }
            String defect = defects.get(file + " time");
            if (defect != null) {
                tally.defects.add(where + ": time: " + defect);
            } else {
                check(where, "time", millis(want.get("time")), millis(got.get("time"), secondsOnly(want.get(
                        "time"))), tally);
            }
            endpoints(where, want, got, knownDefects(file, ENDPOINTS, defects), tally);
            users(where, want, got, tally);
            String wantHost = lower(text(want, "device.hostname"));
            check(where, "device.hostname", wantHost, lower(text(got, "device.hostname")), tally);
            for (String path : List.of("metadata.product.name", "metadata.product.vendor_name")) {
                String w = text(want, path);
                if (w == null) {
                    continue;
                }
                String g = text(got, path);
                boolean same = g != null && (norm(w).equals(norm(g))
                        || aliases.getOrDefault(norm(w), Set.of()).contains(norm(g)));
                record(where, path, w, g, same, tally);
            }
            for (String path : List.of("src_endpoint.ip", "dst_endpoint.ip", "user.name", "actor.user.name",
                    "device.hostname", "status_id")) {
                if (text(want, path) == null && text(got, path) != null) {
                    tally.extra++;
                }
            }
        }
    }

    /**
     * One of the exact fields. Left out, and listed with the reason, when the expected value is an older schema's (a
     * deprecated class, see {@link #SUCCESSORS}) or when known-defects.txt lists the file's path with the value ours
     * must have ({@code =VALUE reason}); compared as usual when ours is anything else.
     */
    private static void exact(String file, String where, String path, JsonNode want, JsonNode got,
            Map<String, String> defects, Tally tally) {
        String w = text(want, path);
        String g = text(got, path);
        Integer successor = SUCCESSORS.get(want.path("class_uid").asInt());
        if (successor != null && w != null && g != null && !w.equals(g)) {
            int activity = want.path("activity_id").asInt();
            String successorValue = path.equals("class_uid")
                    ? successor.toString()
                    : path.equals("type_uid") && Long.parseLong(w) == want.path("class_uid").asLong() * 100 + activity
                            ? Long.toString(successor * 100L + activity)
                            : null;
            if (g.equals(successorValue)) {
                tally.defects.add(where + ": " + path + ": the expected " + w + " is of Security Finding (2001), "
                        + "deprecated since OCSF 1.1.0; ours is its successor Detection Finding's " + g);
                return;
            }
        }
        String defect = defects.get(file + " " + path);
        if (defect != null && defect.startsWith("=") && w != null) {
            String ours = defect.substring(1, defect.indexOf(' ') > 0 ? defect.indexOf(' ') : defect.length());
            if (ours.equals(g)) {
                tally.defects.add(where + ": " + path + ": expected " + w + ", ours " + g + ": " + defect.substring(
                        ours.length() + 1).strip());
                return;
            }
            tally.misses.add(where + ": " + path + " is listed in known-defects.txt with ours as " + ours
                    + ", but ours is '" + g + "'");
        }
        check(where, path, w, g, tally);
    }

    /** The paths of a file listed in known-defects.txt, with what is wrong, in the order given. */
    private static Map<String, String> knownDefects(String file, List<String> paths, Map<String, String> defects) {
        Map<String, String> known = new java.util.LinkedHashMap<>();
        paths.stream().filter(p -> defects.containsKey(file + " " + p))
                .forEach(p -> known.put(p, defects.get(file + " " + p)));
        return known;
    }

    /**
     * Endpoints, exactly; a swapped pair is counted apart. An expected file whose endpoints are listed as known defects
     * (it swaps them against the vendor's documented meaning) has them left out, but only while our output is exactly
     * that swap: anything else is compared as usual, so the listing cannot hide a regression.
     */
    private static void endpoints(String where, JsonNode want, JsonNode got, Map<String, String> defects,
            Tally tally) {
        boolean swapped = eq(text(want, "src_endpoint.ip"), text(got, "dst_endpoint.ip"))
                && eq(text(want, "dst_endpoint.ip"), text(got, "src_endpoint.ip"))
                && text(want, "src_endpoint.ip") != null && !eq(text(want, "src_endpoint.ip"),
                        text(want, "dst_endpoint.ip"));
        boolean portsSwapped = eq(text(want, "src_endpoint.port"), text(got, "dst_endpoint.port"))
                && eq(text(want, "dst_endpoint.port"), text(got, "src_endpoint.port"));
        if (swapped && portsSwapped && defects.keySet().containsAll(ENDPOINTS)) {
            defects.forEach((path, reason) -> tally.defects.add(where + ": " + path + ": " + reason));
            return;
        }
        if (!defects.isEmpty()) {
            tally.misses.add(where + ": endpoints are listed as swapped in known-defects.txt, but ours are not "
                    + "exactly the swap of the expected ones");
        }
        if (swapped) {
            tally.swapped++;
            tally.compared += (int) ENDPOINTS.stream().filter(p -> text(want, p) != null).count();
            tally.misses.add(where + ": source and destination swapped");
            return;
        }
        for (String path : ENDPOINTS) {
            check(where, path, text(want, path), text(got, path), tally);
        }
    }

    /**
     * Authentication: user is the account, actor.user the initiator; one user named by the source may sit in either.
     */
    private static void users(String where, JsonNode want, JsonNode got, Tally tally) {
        for (String path : List.of("user.name", "actor.user.name")) {
            String w = text(want, path);
            if (w == null) {
                continue;
            }
            String other = path.equals("user.name") ? "actor.user.name" : "user.name";
            boolean same = eq(w, text(got, path)) || text(want, other) == null && eq(w, text(got, other));
            record(where, path, w, text(got, path) != null ? text(got, path) : text(got, other), same, tally);
        }
    }

    private static void check(String where, String path, String want, String got, Tally tally) {
        if (want != null) {
            record(where, path, want, got, eq(want, got), tally);
        }
    }

    private static void record(String where, String path, String want, String got, boolean same, Tally tally) {
        tally.compared++;
        if (same) {
            tally.agreed++;
        } else {
            tally.misses.add(where + ": " + path + " expected '" + want + "', got '" + got + "'");
        }
    }

    private static int countPresent(JsonNode want) {
        int n = 0;
        for (String path : List.of("class_uid", "activity_id", "type_uid", "severity_id", "status_id", "time",
                "src_endpoint.ip", "src_endpoint.port", "dst_endpoint.ip", "dst_endpoint.port", "user.name",
                "actor.user.name", "device.hostname", "metadata.product.name", "metadata.product.vendor_name")) {
            n += text(want, path) != null ? 1 : 0;
        }
        return n;
    }

    /** Whether an expected time is written in epoch seconds (below 10^11): then it is compared at that precision. */
    private static boolean secondsOnly(JsonNode time) {
        return time != null && time.isNumber() && time.asDouble() < 1e11 && time.asDouble() == Math.floor(time
                .asDouble());
    }

    /** Our time in ms, cut to whole seconds when the expected one has no more precision than that. */
    private static String millis(JsonNode time, boolean seconds) {
        String ms = millis(time);
        return ms == null || !seconds ? ms : Long.toString(Math.floorDiv(Long.parseLong(ms), 1000) * 1000);
    }

    /** Epoch milliseconds; a value below 10^11 is seconds (some expected files). */
    private static String millis(JsonNode time) {
        if (time == null || !time.isNumber() && !time.asText().matches("\\d+(\\.\\d+)?")) {
            return null;
        }
        double value = time.asDouble();
        long ms = value < 1e11 ? Math.round(value * 1000) : Math.round(value);
        return Long.toString(ms);
    }

    static String text(JsonNode node, String path) {
        JsonNode n = node;
        for (String segment : path.split("\\.")) {
            n = n == null ? null : n.get(segment);
        }
        return n == null || n.isNull() || !n.isValueNode() ? null : n.asText();
    }

    static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static boolean eq(String a, String b) {
        return a != null && a.equals(b);
    }
}
