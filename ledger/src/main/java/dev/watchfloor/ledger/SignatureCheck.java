package dev.watchfloor.ledger;

/** What checking a checkpoint's signature found. */
public enum SignatureCheck {
    VALID,
    /** Signed with a key id that is not in the trusted set. */
    UNKNOWN_KEY,
    /** The signature is not base64, or not by the named key over this content. */
    BAD_SIGNATURE
}
