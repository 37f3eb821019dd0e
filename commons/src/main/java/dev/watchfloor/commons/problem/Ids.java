package dev.watchfloor.commons.problem;

import java.util.UUID;

/** Parses ids from paths: anything that is not a UUID cannot name a resource, so it is a 404, not a 500. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound(what, id);
        }
    }
}
