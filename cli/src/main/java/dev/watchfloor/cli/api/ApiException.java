package dev.watchfloor.cli.api;

/** A service answered with an error status; {@link #problem()} is its problem+json body (or one made up for it). */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ApiException(Problem problem) {
        super(problem.describe());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
