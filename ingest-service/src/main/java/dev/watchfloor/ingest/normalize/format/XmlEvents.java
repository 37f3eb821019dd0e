package dev.watchfloor.ingest.normalize.format;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Windows event XML: each {@code <Event>} element of the body (alone, several in a row, or wrapped in {@code <Events>})
 * becomes a record in the shape of evtx_dump's JSON, so one mapper reads both: {@code Event.System.EventID},
 * {@code Event.System.Computer}, {@code Event.System.TimeCreated.#attributes.SystemTime},
 * {@code Event.EventData.<Name>} (from {@code <Data Name="...">}), {@code Event.UserData...}. Elements with attributes
 * and text give {@code {"#attributes": {...}, "#text": "..."}}. DTDs and external entities are refused.
 */
public final class XmlEvents {

    /** An {@code &} that does not start a character or entity reference. */
    private static final java.util.regex.Pattern BARE_AMPERSAND = java.util.regex.Pattern
            .compile("&(?!(?:#\\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,30});)");

    private XmlEvents() {
    }

    public static List<Piece> records(String text, int from) {
        List<Piece> pieces = new ArrayList<>();
        int pos = from;
        while (true) {
            int start = findEventStart(text, pos);
            if (start < 0) {
                if (pieces.isEmpty()) {
                    pieces.add(Piece.quarantined(from, "XML without an <Event> element", text.substring(from)));
                }
                return pieces;
            }
            int close = text.indexOf("</Event>", start);
            if (close < 0) {
                pieces.add(Piece.quarantined(start, "truncated XML: <Event> is not closed", text.substring(start)));
                return pieces;
            }
            int end = close + "</Event>".length();
            String xml = text.substring(start, end);
            try {
                pieces.add(Piece.read(start, new Parsed("xml", fields(xml), xml, new ArrayList<>())));
            } catch (Exception e) {
                pieces.add(repaired(start, xml, e));
            }
            pos = end;
        }
    }

    /**
     * A record whose only fault is a bare {@code &} (tools that paste event XML leave URLs unescaped): read with each
     * bare ampersand escaped, and warned; otherwise quarantined with the parser's reason.
     */
    private static Piece repaired(int start, String xml, Exception failure) {
        String escaped = BARE_AMPERSAND.matcher(xml).replaceAll("&amp;");
        if (!escaped.equals(xml)) {
            try {
                List<String> warnings = new ArrayList<>();
                warnings.add("bare '&' in XML read as '&amp;'");
                return Piece.read(start, new Parsed("xml", fields(escaped), xml, warnings));
            } catch (Exception e) {
                // still unreadable: quarantined below with the first reason
            }
        }
        return Piece.quarantined(start, "unreadable XML: " + failure.getMessage(), xml);
    }

    private static int findEventStart(String text, int from) {
        int at = from;
        while ((at = text.indexOf("<Event", at)) >= 0) {
            char next = at + 6 < text.length() ? text.charAt(at + 6) : ' ';
            if (next == ' ' || next == '>' || next == '\r' || next == '\n' || next == '\t') {
                return at;
            }
            at += 6;
        }
        return -1;
    }

    /**
     * One event's XML (as a collector carries it in a string field) read into the evtx_dump shape; a bare {@code &} is
     * escaped first. Null when it cannot be read.
     */
    public static ObjectNode parse(String xml) {
        if (xml == null || xml.length() > 1_000_000) {
            return null;
        }
        try {
            return fields(BARE_AMPERSAND.matcher(xml.strip()).replaceAll("&amp;"));
        } catch (Exception e) {
            return null;
        }
    }

    /** Factories are costly to find and not promised thread-safe: one per thread, configured to refuse DTDs. */
    private static final ThreadLocal<XMLInputFactory> FACTORIES = ThreadLocal.withInitial(() -> {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            // the JDK's parser can reset a closed reader instead of building a new one for every event
            factory.setProperty("reuse-instance", Boolean.TRUE);
        } catch (IllegalArgumentException e) {
            // another StAX implementation: a reader per event
        }
        return factory;
    });

    /** An element as read: its name, attributes (without namespace declarations), all text within it, children. */
    private static final class Element {

        final String name;
        final List<String[]> attributes = new ArrayList<>(2);
        final StringBuilder text = new StringBuilder();
        final List<Element> children = new ArrayList<>(4);

        Element(String name) {
            this.name = name;
        }

        String text() {
            return text.toString().strip();
        }
    }

    /** Reads one event with a streaming parser (a DOM was a third of the cost of a Windows record). */
    static ObjectNode fields(String xml) throws XMLStreamException {
        XMLStreamReader reader = FACTORIES.get().createXMLStreamReader(new StringReader(xml));
        try {
            Element root = null;
            ArrayDeque<Element> open = new ArrayDeque<>();
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        Element element = new Element(name(reader.getPrefix(), reader.getLocalName()));
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            String name = name(reader.getAttributePrefix(i), reader.getAttributeLocalName(i));
                            if (!name.startsWith("xmlns")) {
                                element.attributes.add(new String[]{name, reader.getAttributeValue(i)});
                            }
                        }
                        if (open.isEmpty()) {
                            root = element;
                        } else {
                            open.peek().children.add(element);
                        }
                        open.push(element);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        Element closed = open.pop();
                        if (!open.isEmpty()) {
                            open.peek().text.append(closed.text); // an element's text holds its descendants' text
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().text.append(reader.getTextCharacters(), reader.getTextStart(),
                                    reader.getTextLength());
                        }
                    }
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
                            XMLStreamConstants.ENTITY_DECLARATION ->
                        throw new XMLStreamException(
                                "DTDs and entities are refused");
                    default -> {
                        // comments, processing instructions
                    }
                }
            }
            if (root == null) {
                throw new XMLStreamException("no element");
            }
            ObjectNode fields = JsonNodeFactory.instance.objectNode();
            fields.set("Event", element(root));
            return fields;
        } finally {
            reader.close();
        }
    }

    private static String name(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static JsonNode element(Element e) {
        String text = e.text();
        if (e.children.isEmpty() && e.attributes.isEmpty()) {
            return JsonNodeFactory.instance.textNode(text);
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (!e.attributes.isEmpty()) {
            ObjectNode attrs = node.putObject("#attributes");
            for (String[] attribute : e.attributes) {
                attrs.put(attribute[0], attribute[1]);
            }
        }
        if (e.children.isEmpty()) {
            if (!text.isEmpty()) {
                node.put("#text", text);
            }
            return node;
        }
        int unnamed = 0;
        for (Element child : e.children) {
            String name = attribute(child, "Name");
            if ("Data".equals(child.name) && name != null && !name.isEmpty()) {
                node.put(name, child.text());
            } else if ("Data".equals(child.name)) {
                node.put("Data" + (unnamed == 0 ? "" : "_" + unnamed), child.text());
                unnamed++;
            } else if (node.has(child.name)) {
                JsonNode existing = node.get(child.name);
                ArrayNode array = existing.isArray() ? (ArrayNode) existing : node.putArray(child.name).add(existing);
                array.add(element(child));
            } else {
                node.set(child.name, element(child));
            }
        }
        return node;
    }

    private static String attribute(Element e, String name) {
        for (String[] attribute : e.attributes) {
            if (attribute[0].equals(name)) {
                return attribute[1];
            }
        }
        return null;
    }
}
