package dev.watchfloor.commons.problem;

/** Problem type, title and default message for the plain HTTP errors that the framework raises. */
final class HttpProblems {

    record Kind(String slug, String title, String detail) {
    }

    private HttpProblems() {
    }

    static Kind forStatus(int status) {
        return switch (status) {
            case 400 -> new Kind("bad-request", "Bad request", "The request could not be understood");
            case 401 -> new Kind("unauthenticated", "Unauthenticated", "Authentication is required");
            case 403 -> new Kind("forbidden", "Forbidden", "The principal may not do this");
            case 404 -> new Kind("not-found", "Not found", "No resource at this path");
            case 405 -> new Kind("method-not-allowed", "Method not allowed", "This path does not accept that method");
            case 406 -> new Kind("not-acceptable", "Not acceptable",
                    "This endpoint answers application/json or application/problem+json");
            case 413 -> new Kind("payload-too-large", "Payload too large",
                    "The request body exceeds the configured limit");
            case 415 -> new Kind("unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json");
            default -> new Kind("http-" + status, "HTTP " + status, "The request failed with status " + status);
        };
    }
}
