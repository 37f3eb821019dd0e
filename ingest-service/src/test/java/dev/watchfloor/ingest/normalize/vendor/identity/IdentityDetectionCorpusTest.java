package dev.watchfloor.ingest.normalize.vendor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.watchfloor.ingest.normalize.format.Piece;
import dev.watchfloor.ingest.normalize.format.RecordReader;
import dev.watchfloor.ingest.normalize.ocsf.Mappers;

/**
 * Detection of the identity and cloud mappers over the development corpus (skipped without it): no record of another
 * vendor's folder is claimed by them, and the records of their own folders are. Writes
 * {@code target/identity-detection.md} (per folder: mapper id and count).
 */
class IdentityDetectionCorpusTest {

    /** Corpus folder of each mapper id. */
    private static final Map<String, Set<String>> FOLDERS = Map.of("okta", Set.of("okta"), "cloudtrail",
            Set.of("aws-cloudtrail"), "guardduty", Set.of("aws-guardduty"), "asff", Set.of("aws-securityhub"),
            "entra-signin", Set.of("azure-entra"), "entra-audit", Set.of("azure-entra"), "google-workspace",
            Set.of("google-workspace"), "github-audit", Set.of("github"));

    private static final Set<String> OWN = Set.of("okta", "aws-cloudtrail", "aws-guardduty", "aws-securityhub",
            "azure-entra", "google-workspace", "github");

    private final Mappers mappers = new Mappers();
    private final RecordReader reader = new RecordReader(65_536, 1_000_000);

    @Test
    void claimsOnlyItsOwnVendorsRecords() throws IOException {
        Path corpus = Path.of(System.getProperty("watchfloor.corpus", "../../shared/corpus"));
        Assumptions.assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus.toAbsolutePath());
        Map<String, Map<String, Integer>> detected = new TreeMap<>();
        List<String> stolen = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path file : files.filter(IdentityDetectionCorpusTest::isInput).sorted().toList()) {
                String folder = corpus.relativize(file).getName(0).toString();
                for (Piece p : reader.read(Files.readAllBytes(file), RecordReader.Hint.DETECT)) {
                    if (p.isQuarantined()) {
                        continue;
                    }
                    String id = mappers.detect(p.parsed()).id();
                    detected.computeIfAbsent(folder, f -> new TreeMap<>()).merge(id, 1, Integer::sum);
                    if (FOLDERS.containsKey(id) && !FOLDERS.get(id).contains(folder)) {
                        stolen.add(folder + "/" + file.getFileName() + " -> " + id);
                    }
                    if (!FOLDERS.containsKey(id) && OWN.contains(folder)) {
                        missed.add(folder + ": " + p.raw().substring(0, Math.min(p.raw().length(), 300)));
                    }
                }
            }
        }
        StringBuilder report = new StringBuilder("| folder | detected as |\n|---|---|\n");
        detected.forEach((folder, ids) -> report.append("| ").append(folder).append(" | ").append(ids).append(" |\n"));
        report.append("\nClaimed from other folders: ").append(stolen).append('\n');
        report.append("\nNot claimed in own folders:\n");
        missed.forEach(m -> report.append("- ").append(m).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "identity-detection.md"), report.toString());
        assertThat(stolen).isEmpty();
    }

    private static boolean isInput(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && !name.contains(".expected.") && !name.equals("README.md")
                && !name.equals("index.json") && !name.startsWith("LICENSE");
    }
}
