package dev.watchfloor.redaction;

/** Turns a value into a stable stand-in. Implementations must be thread-safe. */
public interface Pseudonyms {

    /**
     * The pseudonym of a value: the same for the same kind and value, different for different values.
     *
     * @param kind
     *            the detector wire name ({@code email}, {@code phone}, ...) or {@code field}
     */
    String pseudonym(String kind, String value);
}
