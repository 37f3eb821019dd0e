package dev.watchfloor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine;

/**
 * {@code watchfloor --version}: the project version Maven writes into {@code version.properties} at build time (a
 * filtered resource, so it is right in tests, in the jar and in a native image alike).
 */
final class VersionProvider implements CommandLine.IVersionProvider {

    static final String RESOURCE = "version.properties";
    static final String UNKNOWN = "(unknown version: " + RESOURCE + " missing or not filtered)";

    @Override
    public String[] getVersion() {
        return new String[]{"watchfloor " + version()};
    }

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            properties.load(in);
        } catch (IOException e) {
            return UNKNOWN;
        }
        String version = properties.getProperty("version", "").strip();
        return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
    }
}
