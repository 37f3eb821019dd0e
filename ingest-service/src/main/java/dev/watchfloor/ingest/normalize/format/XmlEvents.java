package dev.watchfloor.ingest.normalize.format;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.JsonNode;
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

    /** Builders are costly to make (the factory looks its implementation up) and not thread-safe: one per thread. */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    static ObjectNode fields(String xml) throws Exception {
        DocumentBuilder builder = BUILDERS.get();
        builder.reset();
        builder.setErrorHandler(null);
        Element root = builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.set("Event", element(root));
        return fields;
    }

    private static JsonNode element(Element e) {
        List<Element> children = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                children.add(child);
            }
        }
        NamedNodeMap attributes = e.getAttributes();
        String text = e.getTextContent() == null ? "" : e.getTextContent().strip();
        if (children.isEmpty() && attributes.getLength() == 0) {
            return JsonNodeFactory.instance.textNode(text);
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (attributes.getLength() > 0) {
            ObjectNode attrs = node.putObject("#attributes");
            for (int i = 0; i < attributes.getLength(); i++) {
                Node a = attributes.item(i);
                if (!a.getNodeName().startsWith("xmlns")) {
                    attrs.put(a.getNodeName(), a.getNodeValue());
                }
            }
            if (attrs.isEmpty()) {
                node.remove("#attributes");
            }
        }
        if (children.isEmpty()) {
            if (node.isEmpty()) {
                return JsonNodeFactory.instance.textNode(text);
            }
            if (!text.isEmpty()) {
                node.put("#text", text);
            }
            return node;
        }
        int unnamed = 0;
        for (Element child : children) {
            String name = child.getAttribute("Name");
            if ("Data".equals(child.getTagName()) && !name.isEmpty()) {
                node.put(name, child.getTextContent() == null ? "" : child.getTextContent().strip());
            } else if ("Data".equals(child.getTagName())) {
                node.put("Data" + (unnamed == 0 ? "" : "_" + unnamed), child.getTextContent().strip());
                unnamed++;
            } else if (node.has(child.getTagName())) {
                JsonNode existing = node.get(child.getTagName());
                var array = existing.isArray()
                        ? (com.fasterxml.jackson.databind.node.ArrayNode) existing
                        : node.putArray(child.getTagName()).add(existing);
                array.add(element(child));
            } else {
                node.set(child.getTagName(), element(child));
            }
        }
        return node;
    }
}
