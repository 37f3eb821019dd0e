package dev.watchfloor.redaction.corpus;

/**
 * One planted value: the raw secret, the text that makes it recognizable (the value itself, or {@code key=value},
 * {@code Authorization: Bearer ...}, a URL with a password), and the member name and value to use where it stands in a
 * JSON member of its own.
 */
record Plant(String secret, String carrier, String memberName, String memberValue) {

    /** A value recognizable on its own (a token, an e-mail address, a card number ...). */
    static Plant ofValue(String value, String memberName) {
        return new Plant(value, value, memberName, value);
    }

    /** A value recognizable only by the key in front of it. */
    static Plant keyed(String key, String value) {
        return new Plant(value, key + "=" + value, key, value);
    }
}
