package dev.watchfloor.ingest.normalize.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class ZeekTsvTest {

    /** Two logs in one body (conn then dns), with unset, empty and set fields, an escape and #close lines. */
    private static final String TWO_LOGS = String.join("\n",
            "#separator \\x09",
            "#set_separator\t,",
            "#empty_field\t(empty)",
            "#unset_field\t-",
            "#path\tconn",
            "#open\t2026-11-28-03-00-00",
            "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\tconn_state"
                    + "\tlocal_orig\ttunnel_parents",
            "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tstring\tbool\tset[string]",
            "1795835045.250000\tCa1\t10.0.0.5\t51000\t192.0.2.10\t443\ttcp\tssl\t1.500000\tSF\tT\t(empty)",
            "1795835046.000000\tCa2\t10.0.0.5\t51001\t192.0.2.11\t80\ttcp\t-\t-\tS0\tF\tCt1,Ct2",
            "#close\t2026-11-28-04-00-00",
            "#separator \\x09",
            "#set_separator\t,",
            "#empty_field\t(empty)",
            "#unset_field\t-",
            "#path\tdns",
            "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tquery\trcode\tanswers\tTTLs",
            "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tcount\tvector[string]\tvector[interval]",
            "1795835047.000000\tCb1\t10.0.0.5\t53000\t10.0.0.1\t53\tudp\tmail\\x09example.org\t0"
                    + "\t192.0.2.25,192.0.2.26\t300.000000,300.000000",
            "#close\t2026-11-28-04-00-00",
            "");

    @Test
    void readsEveryBlockWithZeekJsonTypesAndThePath() {
        List<Piece> pieces = read(TWO_LOGS);

        assertThat(pieces).hasSize(3).noneMatch(Piece::isQuarantined);
        JsonNode first = pieces.get(0).parsed().fields();
        assertThat(pieces.get(0).parsed().format()).isEqualTo("tsv");
        assertThat(first.path("_path").asText()).isEqualTo("conn");
        assertThat(first.path("ts").isNumber()).isTrue();
        assertThat(first.path("ts").asDouble()).isEqualTo(1795835045.25);
        assertThat(first.path("id.orig_p").isIntegralNumber()).isTrue();
        assertThat(first.path("local_orig").asBoolean()).isTrue();
        assertThat(first.path("tunnel_parents").isArray()).isTrue();
        assertThat(first.path("tunnel_parents")).isEmpty();

        JsonNode second = pieces.get(1).parsed().fields();
        assertThat(second.has("service")).isFalse();
        assertThat(second.has("duration")).isFalse();
        assertThat(second.path("local_orig").asBoolean(true)).isFalse();
        assertThat(second.path("tunnel_parents").toString()).isEqualTo("[\"Ct1\",\"Ct2\"]");

        JsonNode dns = pieces.get(2).parsed().fields();
        assertThat(dns.path("_path").asText()).isEqualTo("dns");
        assertThat(dns.path("query").asText()).isEqualTo("mail\texample.org");
        assertThat(dns.path("rcode").asLong()).isZero();
        assertThat(dns.path("answers").get(1).asText()).isEqualTo("192.0.2.26");
        assertThat(dns.path("TTLs").get(0).isNumber()).isTrue();
    }

    @Test
    void offsetsPointAtEachRecordLine() {
        List<Piece> pieces = read(TWO_LOGS);
        byte[] body = TWO_LOGS.getBytes(StandardCharsets.UTF_8);

        for (Piece p : pieces) {
            String at = new String(body, (int) p.offset(), p.raw().length(), StandardCharsets.UTF_8);
            assertThat(at).isEqualTo(p.raw());
        }
    }

    @Test
    void quarantinesLinesThatDoNotFitTheHeader() {
        String body = String.join("\n", "#separator \\x09", "1795835045.0\tno-fields-yet",
                "#fields\tts\tuid", "#types\ttime\tstring", "1795835045.0\tCa1", "1795835045.0\tCa1\textra", "");

        List<Piece> pieces = read(body);

        assertThat(pieces).hasSize(3);
        assertThat(pieces.get(0).reason()).contains("before any #fields");
        assertThat(pieces.get(1).isQuarantined()).isFalse();
        assertThat(pieces.get(2).reason()).contains("3 fields");
    }

    @Test
    void looksLikeOnlyAtTheSeparatorHeader() {
        assertThat(ZeekTsv.looksLike("#separator \\x09\n")).isTrue();
        assertThat(ZeekTsv.looksLike("#fields\tts\n")).isFalse();
        assertThat(ZeekTsv.looksLike("")).isFalse();
    }

    private static List<Piece> read(String body) {
        return new RecordReader(65_536, 100_000).read(body.getBytes(StandardCharsets.UTF_8),
                RecordReader.Hint.DETECT);
    }

    @Test
    void escapedBytesAreReadAsUtf8WhenTheyAreElseAsLatin1() {
        assertThat(ZeekTsv.unescape("caf\\xc3\\xa9 \\x09 \\xff end")).isEqualTo("caf\u00e9 \t \u00ff end");
        assertThat(ZeekTsv.unescape("no escapes \\n")).isEqualTo("no escapes \\n");
    }
}
