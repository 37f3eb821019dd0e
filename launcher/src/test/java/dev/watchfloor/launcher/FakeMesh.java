package dev.watchfloor.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds a project root whose services are {@link FakeQuarkusService} runner jars. */
final class FakeMesh {

    private static final String CLASS_FILE = FakeQuarkusService.class.getName().replace('.', '/') + ".class";

    private FakeMesh() {
    }

    static void addService(Path root, ServiceSpec spec) throws IOException {
        Path jar = spec.runnerJar(root);
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeQuarkusService.class.getName());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream classBytes = FakeMesh.class.getClassLoader().getResourceAsStream(CLASS_FILE)) {
            out.putNextEntry(new JarEntry(CLASS_FILE));
            classBytes.transferTo(out);
            out.closeEntry();
        }
    }

    static Path testClasses() {
        try {
            return Path.of(FakeQuarkusService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
