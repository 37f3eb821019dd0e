package dev.watchfloor.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds the Watchfloor checkout whose built services the CLI starts. */
public final class ProjectRoot {

    public static final String HOME_ENV = "WATCHFLOOR_HOME";

    private ProjectRoot() {
    }

    /**
     * {@code WATCHFLOOR_HOME} when set; else the checkout holding this code ({@code <root>/cli/target/...}); else the
     * working directory.
     */
    public static Path locate(Map<String, String> env) {
        String home = env.get(HOME_ENV);
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        return fromCodeLocation().orElse(Path.of("").toAbsolutePath());
    }

    private static Optional<Path> fromCodeLocation() {
        try {
            Path code = Path.of(ProjectRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // <root>/cli/target/watchfloor-cli.jar or <root>/cli/target/classes
            Path root = code.getParent() == null ? null : code.getParent().getParent();
            root = root == null ? null : root.getParent();
            return Optional.ofNullable(root).filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .filter(dir -> Files.isDirectory(dir.resolve("cli")));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
