package dev.watchfloor.cli.render;

import java.io.PrintStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

import dev.watchfloor.cli.api.JsonHttp;

/** Machine-readable output: a value as pretty-printed JSON, written by Jackson. */
public final class Json {

    private static final ObjectWriter WRITER = JsonHttp.MAPPER.writerWithDefaultPrettyPrinter();

    private Json() {
    }

    public static void print(PrintStream out, Object value) {
        try {
            out.println(WRITER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
