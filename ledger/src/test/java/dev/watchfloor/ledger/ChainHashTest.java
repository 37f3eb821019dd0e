package dev.watchfloor.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ChainHashTest {

    private static final AuditRecord SAMPLE = new AuditRecord(
            UUID.fromString("0b9e6f3c-4a51-4c8e-9d2a-6f1e2b3c4d5e"), "acme", 7, "2026-11-27T15:04:05.123456Z",
            "alice@acme.io", "", "action.approved", "", "inv-1", "act-9", "4bf92f3577b34da6a3ce929d0e0e4736", "",
            JsonNodeFactory.instance.objectNode().put("state", "approved").put("b", 1.50), ChainHash.GENESIS, "");

    @Test
    void genesisIsSixtyFourZeros() {
        assertThat(ChainHash.GENESIS).hasSize(64).matches("0+");
    }

    @Test
    void hashesPrevHashNewlineAndTheCanonicalBodyWithSha256() throws Exception {
        String body = "{\"actionId\":\"act-9\",\"actor\":\"alice@acme.io\",\"alertId\":\"\","
                + "\"details\":{\"b\":1.5,\"state\":\"approved\"},\"eventType\":\"action.approved\","
                + "\"id\":\"0b9e6f3c-4a51-4c8e-9d2a-6f1e2b3c4d5e\",\"idempotencyKey\":\"\",\"investigationId\":\"inv-1\","
                + "\"onBehalfOf\":\"\",\"prevHash\":\"" + ChainHash.GENESIS + "\","
                + "\"recordedAt\":\"2026-11-27T15:04:05.123456Z\",\"seq\":7,\"tenant\":\"acme\","
                + "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}";
        byte[] expected = MessageDigest.getInstance("SHA-256")
                .digest((ChainHash.GENESIS + "\n" + body).getBytes(StandardCharsets.UTF_8));

        assertThat(ChainHash.canonicalBody(SAMPLE)).isEqualTo(body);
        assertThat(ChainHash.of(SAMPLE)).isEqualTo(HexFormat.of().formatHex(expected));
    }

    @Test
    void bodyIsTheCanonicalJsonOfEveryFieldButTheHash() {
        Random random = new Random(11);
        for (int i = 0; i < 200; i++) {
            AuditRecord entry = Ledgers.entry(random, i % 2 == 0 ? "acme" : "zoë \"q\" \u0001 €", i)
                    .chainedAfter(i % 3 == 0 ? ChainHash.GENESIS : "x\ty");

            assertThat(ChainHash.canonicalBody(entry)).isEqualTo(CanonicalJson.canonicalize(asObject(entry)));
        }
    }

    @Test
    void everyFieldButTheHashChangesTheHash() {
        String original = ChainHash.of(SAMPLE);

        for (String field : EntryFields.NAMES) {
            String other = switch (field) {
                case "id" -> "0b9e6f3c-4a51-4c8e-9d2a-6f1e2b3c4d5f";
                case "seq" -> "8";
                case "details" -> "{\"b\":1.51,\"state\":\"approved\"}";
                default -> EntryFields.get(SAMPLE, field) + "x";
            };
            AuditRecord changed = EntryFields.set(SAMPLE, field, other);

            if (field.equals("hash")) {
                assertThat(ChainHash.of(changed)).as("the hash does not cover itself").isEqualTo(original);
            } else {
                assertThat(ChainHash.of(changed)).as(field).isNotEqualTo(original);
            }
        }
    }

    @Test
    void theStoredHashMatchesOnlyInItsLowerCaseHexSpelling() {
        AuditRecord hashed = SAMPLE.withHash();

        assertThat(ChainHash.matches(hashed)).isTrue();
        assertThat(ChainHash.matches(hashed.withHash(hashed.hash().toUpperCase()))).isFalse();
        assertThat(ChainHash.matches(hashed.withHash(hashed.hash().substring(1)))).isFalse();
        assertThat(ChainHash.matches(hashed.withHash(""))).isFalse();
        assertThat(ChainHash.matches(SAMPLE.withHash(ChainHash.GENESIS))).isFalse();
    }

    @Test
    void givesTheSameHashOnEveryThread() {
        List<AuditRecord> chain = Ledgers.chain("acme", 2_000, 5);

        List<String> parallel = chain.parallelStream().map(ChainHash::of).toList();

        assertThat(parallel).isEqualTo(chain.stream().map(AuditRecord::hash).toList());
        assertThat(IntStream.range(0, chain.size()).parallel().allMatch(i -> ChainHash.matches(chain.get(i))))
                .isTrue();
    }

    private static ObjectNode asObject(AuditRecord e) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", e.id().toString()).put("tenant", e.tenant()).put("seq", e.seq())
                .put("recordedAt", e.recordedAt()).put("actor", e.actor()).put("onBehalfOf", e.onBehalfOf())
                .put("eventType", e.eventType()).put("alertId", e.alertId())
                .put("investigationId", e.investigationId()).put("actionId", e.actionId())
                .put("traceId", e.traceId()).put("idempotencyKey", e.idempotencyKey())
                .put("prevHash", e.prevHash()).set("details", e.details());
        return node;
    }
}
