package dev.watchfloor.ingest.normalize.vendor.endpoint;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.watchfloor.ingest.normalize.Regexes;
import dev.watchfloor.ingest.normalize.ocsf.OcsfEvent;

/**
 * OCSF objects endpoint mappers fill the same way: a file from its path (name and parent folder), a process, a user
 * written {@code DOMAIN\name}, and hashes (OCSF {@code fingerprint}: algorithm_id 1 MD5, 2 SHA-1, 3 SHA-256, 4 SHA-512,
 * 99 other).
 */
final class Endpoints {

    private Endpoints() {
    }

    /** {@code <prefix>.path}, {@code .name} and {@code .parent_folder} from a Windows or POSIX path. */
    static void file(OcsfEvent out, String prefix, String path) {
        if (path == null || path.isBlank()) {
            return;
        }
        String p = path.strip();
        out.set(prefix + ".path", p);
        int cut = Math.max(p.lastIndexOf('\\'), p.lastIndexOf('/'));
        out.set(prefix + ".name", cut >= 0 ? p.substring(cut + 1) : p);
        if (cut > 0) {
            out.set(prefix + ".parent_folder", p.substring(0, cut));
        }
        out.set(prefix + ".type_id", 1L);
        out.set(prefix + ".type", "Regular File");
    }

    /** A process at {@code prefix}: its image path (also its name), pid and command line. */
    static void process(OcsfEvent out, String prefix, String image, Long pid, String cmdLine) {
        if (image != null && !image.isBlank()) {
            file(out, prefix + ".file", image);
            out.set(prefix + ".name", out.text(prefix + ".file.name"));
        }
        if (pid != null && pid >= 0 && pid <= Integer.MAX_VALUE) {
            out.set(prefix + ".pid", pid);
        }
        out.set(prefix + ".cmd_line", cmdLine);
    }

    /** A user at {@code prefix}: {@code DOMAIN\name} (or {@code name@domain}) split, or name and domain apart. */
    static void user(OcsfEvent out, String prefix, String name, String domain, String uid) {
        if (name != null && !name.isBlank()) {
            String n = name.strip();
            int slash = n.indexOf('\\');
            if (slash > 0 && slash < n.length() - 1) {
                out.set(prefix + ".domain", n.substring(0, slash));
                n = n.substring(slash + 1);
            }
            out.set(prefix + ".name", n);
            if (n.contains("@")) {
                out.set(prefix + ".email_addr", n);
            }
        }
        if (name != null || uid != null) {
            out.set(prefix + ".domain", domain);
            out.set(prefix + ".uid", uid);
        }
    }

    /** Appends one hash to {@code <prefix>.hashes}. */
    static void hash(OcsfEvent out, String prefix, String algorithm, String value) {
        if (value == null || value.isBlank() || value.strip().transform(Regexes.matches("0+"))) {
            return;
        }
        String a = algorithm.strip().toUpperCase(Locale.ROOT).replace("-", "");
        int id = switch (a) {
            case "MD5" -> 1;
            case "SHA1" -> 2;
            case "SHA256" -> 3;
            case "SHA512" -> 4;
            default -> 99;
        };
        ObjectNode hash = out.append(prefix + ".hashes");
        hash.put("algorithm_id", id);
        hash.put("algorithm", switch (id) {
            case 1 -> "MD5";
            case 2 -> "SHA-1";
            case 3 -> "SHA-256";
            case 4 -> "SHA-512";
            default -> a;
        });
        hash.put("value", value.strip().toLowerCase(Locale.ROOT));
    }

    /** Sysmon's {@code Hashes}: {@code SHA256=...,MD5=...,IMPHASH=...} (IMPHASH is not a file hash: skipped). */
    static void hashes(OcsfEvent out, String prefix, String list) {
        if (list == null) {
            return;
        }
        for (String pair : list.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && !pair.substring(0, eq).strip().equalsIgnoreCase("IMPHASH")) {
                hash(out, prefix, pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
    }

    /** The last segment of a path, or null. */
    static String baseName(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        int cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return path.substring(cut + 1).strip();
    }
}
