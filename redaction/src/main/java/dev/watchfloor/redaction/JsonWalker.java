package dev.watchfloor.redaction;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Copies a JSON document token by token from a streaming parser to a generator (member order kept), applying the field
 * rules to members, masking values under secret-sounding keys, and scanning every string (and every long integer) with
 * the {@link TextScanner}. A string that is itself a JSON document is walked the same way, one level deeper.
 */
final class JsonWalker {

    private final JsonParser parser;
    private final JsonGenerator out;
    private final Pass pass;
    private final int depth;
    private final FieldRules rules;

    private JsonWalker(JsonParser parser, JsonGenerator out, Pass pass, int depth) {
        this.parser = parser;
        this.out = out;
        this.pass = pass;
        this.depth = depth;
        this.rules = pass.config.fields();
    }

    /** The redacted document, or null if the text is not exactly one JSON object or array. */
    static String walk(String json, Pass pass, int depth) {
        StringWriter text = new StringWriter(json.length() + 64);
        try (JsonParser parser = pass.config.json().createParser(json);
                JsonGenerator out = pass.config.json().createGenerator(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                return null;
            }
            new JsonWalker(parser, out, pass, depth).value(first, pass.config.fields().root(), null);
            if (parser.nextToken() != null) {
                return null;
            }
        } catch (JacksonException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private void value(JsonToken token, FieldRules.PathNode node, FieldRules.Rule inherited) throws IOException {
        switch (token) {
            case START_OBJECT -> object(node, inherited);
            case START_ARRAY -> array(node, inherited);
            case VALUE_STRING -> string(inherited);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(token, inherited);
            default -> literal(token, inherited);
        }
    }

    private void object(FieldRules.PathNode node, FieldRules.Rule inherited) throws IOException {
        out.writeStartObject();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            member(node, inherited);
        }
        out.writeEndObject();
    }

    private void array(FieldRules.PathNode node, FieldRules.Rule inherited) throws IOException {
        out.writeStartArray();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            value(token, node, inherited);
        }
        out.writeEndArray();
    }

    private void member(FieldRules.PathNode node, FieldRules.Rule inherited) throws IOException {
        String name = parser.currentName();
        String shownName = pass.redactText(parser.getTextCharacters(), parser.getTextOffset(),
                parser.getTextOffset() + parser.getTextLength(), depth);
        FieldRules.PathNode child = null;
        FieldRules.Rule rule = null;
        if (!rules.isEmpty()) {
            String lower = FieldRules.lower(name);
            child = node == null ? null : node.child(lower);
            rule = rules.ruleFor(lower, child);
        }
        JsonToken token = parser.nextToken();
        if (rule != null && rule.action() == FieldRules.Action.DROP) {
            pass.dropped(rule);
            parser.skipChildren();
            return;
        }
        out.writeFieldName(shownName == null ? name : shownName);
        FieldRules.Rule applied = rule != null ? rule : inherited;
        if (applied == null && token.isScalarValue() && maskedByKey(name, token)) {
            return;
        }
        value(token, child, applied);
    }

    /** Masks the value of a member whose name names a secret ({@code password}, {@code authorization}, ...). */
    private boolean maskedByKey(String name, JsonToken token) throws IOException {
        if (name.length() > pass.scratch.key.length || !(token == JsonToken.VALUE_STRING || token.isNumeric())) {
            return false;
        }
        name.getChars(0, name.length(), pass.scratch.key, 0);
        Detector named = SecretKeys.classify(pass.scratch.key, 0, name.length());
        if (named == null) {
            return false;
        }
        char[] b = parser.getTextCharacters();
        int off = parser.getTextOffset();
        int end = off + parser.getTextLength();
        int start = named == Detector.AUTHORIZATION_HEADER ? SecretKeys.credentialStart(b, off, end) : off;
        Detector detector = SecretKeys.refine(named, b, start, end);
        if (start == end || SecretKeys.isRedacted(b, start, end) || !pass.config.scanner().enabled(detector)) {
            return false;
        }
        String kept = new String(b, off, start - off);
        out.writeString(kept + pass.replacement(detector, false, b, start, end));
        return true;
    }

    private void string(FieldRules.Rule inherited) throws IOException {
        if (inherited != null) {
            out.writeString(pass.fieldValue(inherited, parser.getText()));
            return;
        }
        char[] b = parser.getTextCharacters();
        int off = parser.getTextOffset();
        int len = parser.getTextLength();
        if (depth < TextScanner.MAX_DEPTH && looksLikeJson(b, off, off + len)) {
            String embedded = embedded(new String(b, off, len));
            if (embedded != null) {
                out.writeString(embedded);
                return;
            }
        }
        String redacted = pass.redactText(b, off, off + len, depth);
        if (redacted == null) {
            out.writeString(b, off, len);
        } else {
            out.writeString(redacted);
        }
    }

    private String embedded(String json) {
        Pass child = pass.child();
        String redacted = walk(json, child, depth + 1);
        if (redacted != null) {
            pass.merge(child);
        }
        return redacted;
    }

    private void number(JsonToken token, FieldRules.Rule inherited) throws IOException {
        if (inherited != null) {
            out.writeString(pass.fieldValue(inherited, parser.getText()));
            return;
        }
        char[] b = parser.getTextCharacters();
        int off = parser.getTextOffset();
        int len = parser.getTextLength();
        if (token == JsonToken.VALUE_NUMBER_INT && len >= 13 && len <= 19) {
            String redacted = pass.redactText(b, off, off + len, depth);
            if (redacted != null) {
                out.writeString(redacted);
                return;
            }
        }
        out.writeNumber(b, off, len);
    }

    private void literal(JsonToken token, FieldRules.Rule inherited) throws IOException {
        if (inherited != null && token != JsonToken.VALUE_NULL) {
            out.writeString(pass.fieldValue(inherited, parser.getText()));
        } else {
            out.copyCurrentEvent(parser);
        }
    }

    private static boolean looksLikeJson(char[] b, int off, int end) {
        int first = off;
        while (first < end && b[first] <= ' ') {
            first++;
        }
        int last = end - 1;
        while (last > first && b[last] <= ' ') {
            last--;
        }
        return last > first && ((b[first] == '{' && b[last] == '}') || (b[first] == '[' && b[last] == ']'));
    }
}
