package dev.watchfloor.cli.api;

/** Nothing listens at a service's URL: usually the mesh is not running. */
public class ServiceUnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServiceUnreachableException(Endpoint endpoint, Throwable cause) {
        super("cannot reach " + endpoint.service() + " at " + endpoint.baseUrl() + " (" + describe(cause) + "). "
                + "Start the mesh with `watchfloor up` first, or point " + endpoint.envVar() + " at a running "
                + endpoint.service() + ".", cause);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? "connection refused" : message;
    }
}
