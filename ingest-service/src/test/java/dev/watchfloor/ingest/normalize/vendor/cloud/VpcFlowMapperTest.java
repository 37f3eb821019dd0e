package dev.watchfloor.ingest.normalize.vendor.cloud;

import static dev.watchfloor.ingest.normalize.vendor.cloud.CloudFixtures.one;
import static dev.watchfloor.ingest.normalize.vendor.cloud.CloudFixtures.read;
import static dev.watchfloor.ingest.normalize.vendor.cloud.CloudFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.format.Piece;

class VpcFlowMapperTest {

    private static final String DEFAULT_FORMAT = """
            version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
            2 210987654321 eni-0a1b2c3d4e5f60718 203.0.113.77 10.1.2.3 51515 22 6 4 240 1714554000 1714554060 REJECT OK
            2 210987654321 eni-0a1b2c3d4e5f60718 10.1.2.3 192.0.2.10 44321 443 6 12 6400 1714554000 1714554060 ACCEPT OK
            2 210987654321 eni-0a1b2c3d4e5f60718 - - - - - - - 1714554000 1714554060 - NODATA
            """;

    @Test
    void theTextFormatIsReadByItsHeader() {
        List<Piece> pieces = read(DEFAULT_FORMAT);
        assertThat(pieces).hasSize(3).noneMatch(Piece::isQuarantined);
        JsonNode reject = normalize(pieces.get(0));
        assertThat(reject.path("type_uid").asInt()).isEqualTo(400105);
        assertThat(reject.path("disposition_id").asInt()).isEqualTo(2);
        assertThat(reject.path("time").asLong()).isEqualTo(1714554000000L);
        assertThat(reject.path("end_time").asLong()).isEqualTo(1714554060000L);
        assertThat(text(reject, "src_endpoint.ip")).isEqualTo("203.0.113.77");
        assertThat(reject.path("dst_endpoint").path("port").asInt()).isEqualTo(22);
        assertThat(text(reject, "connection_info.protocol_name")).isEqualTo("tcp");
        assertThat(reject.path("traffic").path("bytes").asLong()).isEqualTo(240);
        assertThat(text(reject, "cloud.account.uid")).isEqualTo("210987654321");
        JsonNode accept = normalize(pieces.get(1));
        assertThat(accept.path("activity_id").asInt()).isEqualTo(6);
        assertThat(accept.path("action_id").asInt()).isEqualTo(1);
        JsonNode noData = normalize(pieces.get(2));
        assertThat(noData.path("activity_id").asInt()).isEqualTo(99);
        assertThat(text(noData, "status_code")).isEqualTo("NODATA");
        assertThat(noData.has("src_endpoint")).isFalse();
    }

    @Test
    void aCustomOrderPutsTheInterfaceOnTheLocalSide() {
        List<Piece> pieces = read(
                """
                        version vpc-id subnet-id instance-id interface-id flow-direction srcaddr dstaddr srcport dstport protocol tcp-flags type start end action log-status
                        5 vpc-0aa subnet-0bb i-0cc eni-0dd egress 10.1.2.3 198.51.100.9 40000 443 6 19 IPv4 1714554000 1714554060 ACCEPT OK
                        """);
        JsonNode e = normalize(pieces.get(0));
        assertThat(text(e, "src_endpoint.interface_uid")).isEqualTo("eni-0dd");
        assertThat(text(e, "src_endpoint.instance_uid")).isEqualTo("i-0cc");
        assertThat(e.path("connection_info").path("direction_id").asInt()).isEqualTo(2);
        assertThat(e.path("connection_info").path("tcp_flags").asInt()).isEqualTo(19);
    }

    @Test
    void anEfaTrafficTypeHasNoIpVersion() {
        List<Piece> pieces = read("""
                version srcaddr dstaddr srcport dstport protocol type start end action log-status interface-id
                5 10.1.2.3 10.1.2.4 0 0 0 EFA 1714554000 1714554060 ACCEPT OK eni-0dd
                """);
        JsonNode e = normalize(pieces.get(0));
        assertThat(text(e, "connection_info.protocol_ver")).isEqualTo("EFA");
        assertThat(e.path("connection_info").has("protocol_ver_id")).isFalse();
    }

    @Test
    void aRecordWithTheWrongFieldCountIsQuarantined() {
        List<Piece> pieces = read(
                """
                        version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
                        2 210987654321 eni-1 10.0.0.1 10.0.0.2 1 2 6
                        """);
        assertThat(pieces).hasSize(1);
        assertThat(pieces.get(0).isQuarantined()).isTrue();
    }

    @Test
    void theJsonShapeWithCamelCaseKeysIsRead() {
        JsonNode e = one("""
                {"srcAddr":"192.0.2.44","dstAddr":"10.9.8.7","srcPort":3389,"dstPort":55000,"action":"ACCEPT",
                 "start":"1714554000","p_log_type":"AWS.VPCFlow"}
                """).body();
        assertThat(text(e, "src_endpoint.ip")).isEqualTo("192.0.2.44");
        assertThat(e.path("dst_endpoint").path("port").asInt()).isEqualTo(55000);
        assertThat(e.path("activity_id").asInt()).isEqualTo(6);
    }

    @Test
    void aDefaultFormatLineWithoutItsHeaderIsRead() {
        var r = one("2 210987654321 eni-0a1b2c3d4e5f60718 10.1.2.3 192.0.2.10 44321 443 6 12 6400 1714554000 1714554060"
                + " ACCEPT OK");
        assertThat(r.source()).isEqualTo("vpc-flow");
        assertThat(r.body().path("activity_id").asInt()).isEqualTo(6);
        assertThat(text(r.body(), "dst_endpoint.ip")).isEqualTo("192.0.2.10");
        assertThat(r.body().path("time").asLong()).isEqualTo(1714554000000L);
        assertThat(r.body().has("unmapped")).isFalse();
    }

    private static JsonNode normalize(Piece piece) {
        return CloudFixtures.NORMALIZER.normalize(piece.parsed(), null, false, Instant.parse("2024-05-01T12:00:00Z"))
                .body();
    }
}
