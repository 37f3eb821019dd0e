package dev.watchfloor.cli.api;

import java.io.IOException;

/** Reads an error body: RFC 9457 problem+json when it is one, otherwise a problem made from the status and text. */
final class ProblemReader {

    private ProblemReader() {
    }

    static Problem read(int status, byte[] body) {
        try {
            Problem problem = JsonHttp.MAPPER.readValue(body, Problem.class);
            if (problem != null && problem.title() != null) {
                return new Problem(problem.type(), problem.title(),
                        problem.status() == null ? status : problem.status(),
                        problem.detail(), problem.errors(), problem.violations());
            }
        } catch (IOException notJson) {
            // fall through: plain-text or HTML error page
        }
        String text = JsonHttp.snippet(body);
        return new Problem(null, "HTTP " + status, status, text.isEmpty() ? null : text, null);
    }
}
