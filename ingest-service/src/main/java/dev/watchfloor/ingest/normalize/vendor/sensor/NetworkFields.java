package dev.watchfloor.ingest.normalize.vendor.sensor;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/** OCSF pieces the sensor mappers share: HTTP method to activity, request URL, and hash fingerprints. */
final class NetworkFields {

    private NetworkFields() {
    }

    /** OCSF HTTP Activity id of a request method: 1 Connect ... 8 Trace, 9 Patch, 99 other, 0 none. */
    static int httpActivity(String method) {
        String m = method == null ? "" : method.strip().toUpperCase(Locale.ROOT);
        return switch (m) {
            case "CONNECT" -> 1;
            case "DELETE" -> 2;
            case "GET" -> 3;
            case "HEAD" -> 4;
            case "OPTIONS" -> 5;
            case "POST" -> 6;
            case "PUT" -> 7;
            case "TRACE" -> 8;
            case "PATCH" -> 9;
            default -> m.isEmpty() ? 0 : 99;
        };
    }

    /** Classifies HTTP Activity from the method and sets {@code http_request.http_method}. */
    static void http(OcsfEvent out, String method) {
        int activity = httpActivity(method);
        String m = method == null ? "" : method.strip().toUpperCase(Locale.ROOT);
        out.classify(dev.watchfloor.ingest.normalize.ocsf.OcsfClass.HTTP_ACTIVITY, activity,
                m.isEmpty() ? "Unknown" : m.charAt(0) + m.substring(1).toLowerCase(Locale.ROOT));
        out.set("http_request.http_method", method);
    }

    /** {@code http_request.url} from the Host header and the request target (path and query split). */
    static void url(OcsfEvent out, String host, String target) {
        out.set("http_request.url.hostname", host);
        if (target != null) {
            int q = target.indexOf('?');
            out.set("http_request.url.path", q < 0 ? target : target.substring(0, q));
            out.set("http_request.url.query_string", q < 0 ? null : target.substring(q + 1));
            out.set("http_request.url.url_string", host == null || !target.startsWith("/")
                    ? target
                    : "http://" + host + target);
        }
    }

    /** Appends a hash (md5, sha1, sha256, sha512) to the fingerprint array at {@code path} when it is hex. */
    static void hash(OcsfEvent out, String path, String algorithm, String value) {
        if (value == null || !value.transform(Regexes.matches("[0-9a-fA-F]{32,128}"))) {
            return;
        }
        int id;
        String name;
        switch (algorithm) {
            case "md5" -> {
                id = 1;
                name = "MD5";
            }
            case "sha1" -> {
                id = 2;
                name = "SHA-1";
            }
            case "sha256" -> {
                id = 3;
                name = "SHA-256";
            }
            case "sha512" -> {
                id = 4;
                name = "SHA-512";
            }
            default -> {
                return;
            }
        }
        ObjectNode h = out.append(path);
        h.put("algorithm_id", id);
        h.put("algorithm", name);
        h.put("value", value.toLowerCase(Locale.ROOT));
    }
}
