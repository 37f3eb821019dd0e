package dev.watchfloor.ingest.normalize.format;

/**
 * The header lines of a Zeek TSV log in force for the records after them: {@code #separator} (which starts a new
 * block), {@code #set_separator}, {@code #empty_field}, {@code #unset_field}, {@code #path}, {@code #fields} and
 * {@code #types}, with the ASCII writer's defaults until a line says otherwise.
 */
final class ZeekTsvHeader {

    String separator = "\t";
    String setSeparator = ",";
    String empty = "(empty)";
    String unset = "-";
    String path;
    String[] fields;
    String[] types;

    void read(String line) {
        if (line.startsWith("#separator")) {
            String value = line.substring("#separator".length()).strip();
            separator = value.isEmpty() ? "\t" : ZeekTsv.unescape(value);
            fields = null;
            types = null;
            path = null;
            return;
        }
        int cut = line.indexOf(separator);
        if (cut < 0) {
            return; // #close without a value, a comment, ...
        }
        String key = line.substring(1, cut);
        String value = line.substring(cut + separator.length());
        switch (key) {
            case "set_separator" -> setSeparator = ZeekTsv.unescape(value);
            case "empty_field" -> empty = value;
            case "unset_field" -> unset = value;
            case "path" -> path = value;
            case "fields" -> fields = ZeekTsv.split(value, separator);
            case "types" -> types = ZeekTsv.split(value, separator);
            default -> {
                // #open, #close and other comments carry nothing a record needs
            }
        }
    }
}
