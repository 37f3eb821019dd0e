package dev.watchfloor.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The identities the local mesh provisions for itself: the platform admin's client credentials (kept in a file of mode
 * 0600 that the CLI reads, and reused on the next start) and one fresh secret per mesh service (never written down:
 * governance receives them all, each service its own, through the environment).
 *
 * @param file
 *            where the admin's credentials are kept
 * @param issuer
 *            governance's URL, the issuer of the mesh's tokens
 * @param adminSecret
 *            secret of the {@value #ADMIN_CLIENT_ID} client
 * @param serviceSecrets
 *            mesh service name → its client secret
 */
public record MeshCredentials(Path file, String issuer, String adminSecret, Map<String, String> serviceSecrets) {

    public static final String ADMIN_CLIENT_ID = "platform-admin";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    public MeshCredentials {
        serviceSecrets = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(serviceSecrets));
    }

    /** The default file: {@code <root>/.watchfloor/credentials.json}. */
    public static Path defaultFile(Path root) {
        return root.resolve(".watchfloor").resolve("credentials.json");
    }

    /** Reuses the admin secret in {@code file} when there is one, makes the rest new, and writes the file. */
    public static MeshCredentials provision(Path file, String issuer, Iterable<ServiceSpec> services) {
        String adminSecret = read(file).map(node -> node.path("clientSecret").asText(""))
                .filter(s -> !s.isBlank()).orElseGet(MeshCredentials::newSecret);
        Map<String, String> secrets = new LinkedHashMap<>();
        for (ServiceSpec spec : services) {
            if (!ServiceSpec.GOVERNANCE.equals(spec.name())) {
                secrets.put(spec.name(), newSecret());
            }
        }
        MeshCredentials credentials = new MeshCredentials(file, issuer, adminSecret, secrets);
        credentials.write();
        return credentials;
    }

    /** Reads the admin credentials a running local mesh saved; empty when there is no such file. */
    public static java.util.Optional<JsonNode> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read credentials file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The environment the service needs to authenticate (governance: every secret; the others: their own). */
    public Map<String, String> environment(ServiceSpec spec) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WATCHFLOOR_ISSUER", issuer);
        if (ServiceSpec.GOVERNANCE.equals(spec.name())) {
            env.put("WATCHFLOOR_ADMIN_SECRET", adminSecret);
            env.put("WATCHFLOOR_SERVICE_SECRETS", serviceSecrets.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        } else if (serviceSecrets.containsKey(spec.name())) {
            env.put("WATCHFLOOR_SERVICE_SECRET", serviceSecrets.get(spec.name()));
        }
        return env;
    }

    private void write() {
        ObjectNode node = JSON.createObjectNode();
        node.put("issuer", issuer).put("tokenEndpoint", issuer + "/v1/auth/token").put("clientId", ADMIN_CLIENT_ID)
                .put("clientSecret", adminSecret);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "credentials", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), node);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write credentials file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "wfs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
