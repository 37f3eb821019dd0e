package dev.watchfloor.reasoning.llm;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Fences untrusted evidence in a prompt: markers made of a random value drawn per call, so text in a log cannot close
 * the fence it does not know, and datamarking, every run of whitespace inside replaced by {@link #MARK}, so the model
 * can tell evidence from instructions even where a marker is lost. Zero-width and other invisible format characters are
 * removed first: they hide words from a reader, never from a model.
 */
public final class EvidenceFence {

    /** U+02C6, a character that hardly occurs in logs. */
    public static final char MARK = '\u02c6';
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}]");

    private final String token;

    private EvidenceFence(String token) {
        this.token = token;
    }

    public static EvidenceFence random() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return new EvidenceFence(HexFormat.of().formatHex(bytes));
    }

    String open() {
        return "<<EVIDENCE " + token + ">>";
    }

    String close() {
        return "<<END " + token + ">>";
    }

    /** One evidence item, fenced and datamarked, under its id. */
    String wrap(String id, String kind, String summary, String text) {
        return open() + "\nid: " + id + " (" + kind + ")\nsummary: " + mark(summary) + "\ncontent: " + mark(text) + "\n"
                + close();
    }

    static String mark(String untrusted) {
        String visible = INVISIBLE.matcher(untrusted).replaceAll("");
        return WHITESPACE.matcher(visible.strip()).replaceAll(String.valueOf(MARK));
    }
}
