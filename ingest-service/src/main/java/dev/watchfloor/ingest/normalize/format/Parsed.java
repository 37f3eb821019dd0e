package dev.watchfloor.ingest.normalize.format;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One record as read from its wire format, before any vendor mapping.
 *
 * <p>
 * {@code fields} holds what the format gave, in one JSON tree, so a mapper reads every format the same way:
 * <ul>
 * <li>JSON: the object itself (after lenient repair, see {@code warnings});</li>
 * <li>syslog (RFC 3164 / 5424): the header under {@code syslog} ({@code pri}, {@code facility}, {@code severity},
 * {@code timestamp}, {@code hostname}, {@code app_name}, {@code procid}, {@code msgid}, {@code structured_data}); the
 * message's own fields are merged in as the format of the message gives them (CEF, LEEF, JSON, key=value), or as
 * {@code message} when it is free text;</li>
 * <li>CEF: the header under {@code cef} ({@code version}, {@code device_vendor}, {@code device_product},
 * {@code device_version}, {@code signature_id}, {@code name}, {@code severity}), the extension under
 * {@code extension};</li>
 * <li>LEEF: the header under {@code leef} ({@code version}, {@code vendor}, {@code product}, {@code product_version},
 * {@code event_id}, {@code delimiter}), the attributes under {@code attributes};</li>
 * <li>key=value: the pairs at the top level;</li>
 * <li>Windows event XML: the shape of evtx_dump's JSON ({@code Event.System}, {@code Event.EventData}), so one Windows
 * mapper reads both;</li>
 * <li>free text: {@code message}.</li>
 * </ul>
 *
 * @param format
 *            the wire format: {@code json}, {@code syslog}, {@code cef}, {@code leef}, {@code kv}, {@code xml},
 *            {@code text}, {@code tsv}; a syslog message carrying CEF is {@code syslog+cef}
 * @param fields
 *            the record's fields as above
 * @param raw
 *            the record's original text
 * @param warnings
 *            what was repaired or assumed while reading (mutable: later stages add theirs)
 */
public record Parsed(String format, ObjectNode fields, String raw, List<String> warnings) {
}
