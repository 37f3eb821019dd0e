package dev.watchfloor.ingest.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.IngestConfig;
import dev.watchfloor.ingest.normalize.NormalizedRecord;
import dev.watchfloor.ingest.normalize.Normalizer;
import dev.watchfloor.ingest.normalize.format.Piece;
import dev.watchfloor.ingest.normalize.format.RecordReader;
import dev.watchfloor.ingest.normalize.ocsf.Mappers;

/**
 * Normalizes every input of the development corpus ({@code ../shared/corpus}, or {@code -Dwatchfloor.corpus=DIR}; the
 * test is skipped when it is absent) and compares the fields of its OCSF ground truth, by the corpus README's rules.
 * Writes the per-vendor agreement to {@code target/corpus-agreement.md} and fails when a vendor falls below its floor
 * ({@link #FLOORS}, raised as mappers improve) or when any record of any input neither normalizes nor is quarantined.
 */
class CorpusAgreementTest {

    /** Per vendor folder: the agreement (0-1) it must keep. Vendors not listed only have to normalize. */
    static final Map<String, Double> FLOORS = Map.ofEntries(Map.entry("aws-cloudtrail", 1.0),
            Map.entry("aws-securityhub", 1.0), Map.entry("cisco-asa", 0.97), Map.entry("crowdstrike", 1.0),
            Map.entry("github", 1.0), Map.entry("okta", 1.0), Map.entry("windows-powershell", 0.88),
            Map.entry("windows-security", 0.87), Map.entry("zeek", 1.0),
            Map.entry("aws-eks-audit", 1.0), Map.entry("aws-route53", 1.0), Map.entry("aws-vpcflow", 1.0),
            Map.entry("aws-waf", 1.0), Map.entry("falco", 1.0), Map.entry("ibm-qradar", 1.0),
            Map.entry("microsoft-365", 1.0), Map.entry("silk-netflow", 1.0));

    private final Normalizer normalizer = new Normalizer(new IngestConfig.Time() {

        @Override
        public ZoneId defaultZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Map<String, ZoneId> zones() {
            return Map.of();
        }

        @Override
        public Duration maxSkew() {
            return Duration.ofHours(24);
        }
    }, new Mappers());
    private final RecordReader reader = new RecordReader(65_536, 1_000_000);

    static Path corpus() {
        return Path.of(System.getProperty("watchfloor.corpus", "../../shared/corpus"));
    }

    @Test
    void everyCorpusRecordNormalizesOrIsQuarantined() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(corpus()), "no corpus at " + corpus().toAbsolutePath());
        Map<String, int[]> perVendor = new TreeMap<>(); // read, quarantined
        try (Stream<Path> files = Files.walk(corpus())) {
            for (Path file : files.filter(CorpusAgreementTest::isInput).sorted().toList()) {
                String vendor = corpus().relativize(file).getName(0).toString();
                int[] counts = perVendor.computeIfAbsent(vendor, v -> new int[2]);
                for (Piece p : reader.read(Files.readAllBytes(file), RecordReader.Hint.DETECT)) {
                    if (p.isQuarantined()) {
                        counts[1]++;
                        continue;
                    }
                    NormalizedRecord r = normalizer.normalize(p.parsed(), null, false, Instant.now());
                    assertThat(r.body().path("class_uid").isInt()).as(file + " has a class").isTrue();
                    counts[0]++;
                }
            }
        }
        StringBuilder report = new StringBuilder("| vendor | records read | quarantined |\n|---|---|---|\n");
        perVendor.forEach((v, c) -> report.append("| ").append(v).append(" | ").append(c[0]).append(" | ")
                .append(c[1]).append(" |\n"));
        write("corpus-records.md", report.toString());
    }

    @Test
    void agreesWithTheOcsfGroundTruth() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(corpus()), "no corpus at " + corpus().toAbsolutePath());
        Map<String, Tally> tallies = new TreeMap<>();
        Map<String, String> defects = knownDefects();
        try (Stream<Path> files = Files.walk(corpus())) {
            for (Path expectedFile : files.filter(f -> f.toString().endsWith(".expected.ocsf.json")).sorted()
                    .toList()) {
                Path input = inputFor(expectedFile);
                if (input == null) {
                    continue;
                }
                String vendor = corpus().relativize(input).getName(0).toString();
                Tally tally = tallies.computeIfAbsent(vendor, v -> new Tally());
                List<JsonNode> expected = reader.read(Files.readAllBytes(expectedFile), RecordReader.Hint.JSON)
                        .stream().filter(p -> !p.isQuarantined()).map(p -> (JsonNode) p.parsed().fields()).toList();
                List<JsonNode> actual = new ArrayList<>();
                for (Piece p : reader.read(Files.readAllBytes(input), RecordReader.Hint.DETECT)) {
                    actual.add(p.isQuarantined()
                            ? null
                            : normalizer.normalize(p.parsed(), null, false, Instant.now()).body());
                }
                Comparison.compare(vendor, input.getFileName().toString(), expected, actual, aliases(vendor),
                        defects, tally);
            }
        }
        StringBuilder report = new StringBuilder(
                "| vendor | files | fields compared | agreed | agreement | swapped endpoints | emitted, not expected "
                        + "| left out | agreement counting what is left out as misses |\n|---|---|---|---|---|---|---|---|---|\n");
        Tally total = new Tally();
        tallies.forEach((vendor, t) -> {
            report.append(t.row(vendor));
            total.add(t);
        });
        report.append(total.row("**all**"));
        report.append("\n### Left out: known defects of the expected files, and values of an older OCSF version\n\n");
        total.defects.forEach(d -> report.append("- ").append(d).append('\n'));
        report.append("\n### Disagreements\n\n");
        tallies.forEach((vendor, t) -> t.misses.forEach(m -> report.append("- ").append(vendor).append(": ")
                .append(m).append('\n')));
        write("corpus-agreement.md", report.toString());
        System.out.println(report);
        FLOORS.forEach((vendor, floor) -> assertThat(tallies.get(vendor).agreement())
                .as("agreement of " + vendor).isGreaterThanOrEqualTo(floor));
    }

    /** {@code "<input file> <path>"} → what is wrong with the expected value (corpus-aliases/known-defects.txt). */
    private static Map<String, String> knownDefects() throws IOException {
        Map<String, String> defects = new HashMap<>();
        try (InputStream in = CorpusAgreementTest.class.getResourceAsStream("/corpus-aliases/known-defects.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.split(" ", 3);
                if (parts.length == 3 && !line.startsWith("#")) {
                    defects.put(parts[0] + " " + parts[1], parts[2]);
                }
            }
        }
        return defects;
    }

    private static Map<String, Set<String>> aliases(String vendor) throws IOException {
        Map<String, Set<String>> aliases = new HashMap<>();
        try (InputStream in = CorpusAgreementTest.class.getResourceAsStream("/corpus-aliases/" + vendor + ".txt")) {
            if (in == null) {
                return aliases;
            }
            // one line per alias: <expected product or vendor name> = <name we emit>
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.split("=", 2);
                if (parts.length == 2 && !line.startsWith("#")) {
                    aliases.computeIfAbsent(Comparison.norm(parts[0]), k -> new java.util.HashSet<>())
                            .add(Comparison.norm(parts[1]));
                }
            }
        }
        return aliases;
    }

    private static boolean isInput(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && !name.contains(".expected.") && !name.equals("README.md")
                && !name.equals("index.json") && !name.startsWith("LICENSE");
    }

    private static Path inputFor(Path expected) throws IOException {
        String stem = expected.getFileName().toString().replace(".expected.ocsf.json", "");
        try (Stream<Path> siblings = Files.list(expected.getParent())) {
            return siblings.filter(CorpusAgreementTest::isInput)
                    .filter(f -> f.getFileName().toString().startsWith(stem + ".")).findFirst().orElse(null);
        }
    }

    private static void write(String name, String text) throws IOException {
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve(name), text);
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
