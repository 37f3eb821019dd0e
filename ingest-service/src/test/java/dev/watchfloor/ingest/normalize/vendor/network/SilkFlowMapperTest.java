package dev.watchfloor.ingest.normalize.vendor.network;

import static dev.watchfloor.ingest.normalize.vendor.network.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;
import dev.watchfloor.ingest.normalize.format.Piece;

class SilkFlowMapperTest {

    /** rwcut's default output: padded columns, '|' between them and after the last, titles cut to column width. */
    private static final String COLUMNS = """
                        sIP|            dIP|sPort|dPort|pro|   packets|     bytes|   flags|                  sTime| duration|                  eTime|senso|
               198.51.100.7|     192.0.2.80|51234|  443|  6|        12|      4410|FS PA   |2024/05/02T11:58:01.250|    2.125|2024/05/02T11:58:03.375|EDGE2|
                 192.0.2.80|   198.51.100.7|  443|51234|  6|        10|      9120| S PA   |2024/05/02T11:58:01.260|    2.100|2024/05/02T11:58:03.360|EDGE2|
            """;

    /** {@code --delimited=,}: no padding, no final separator, empty columns where a field does not apply. */
    private static final String CSV = """
            sIP,dIP,sPort,dPort,protocol,packets,bytes,flags,sTime,duration,eTime,sensor,in,out,nhIP,initialFlags,sessionFlags,attributes,application,class,type,iType,iCode
            10.20.30.40,203.0.113.9,40100,53,17,1,71,,2024/05/02T11:00:00.500,0.000,2024/05/02T11:00:00.500,S7,0,0,0.0.0.0,,,,53,all,out,,
            203.0.113.9,10.20.30.40,0,0,1,2,168,,2024/05/02T11:00:01.000,1.000,2024/05/02T11:00:02.000,S7,0,0,0.0.0.0,,,,0,all,inicmp,8,0
            """;

    @Test
    void theTitleLineNamesTheColumnsAndIsNoRecord() {
        List<Piece> pieces = Fixtures.read(COLUMNS);
        assertThat(pieces).hasSize(2).noneMatch(Piece::isQuarantined);
        assertThat(pieces.get(0).offset()).isGreaterThan(0);
    }

    @Test
    void aPaddedPipeRecordIsNetworkTraffic() {
        NormalizedRecord r = Fixtures.NORMALIZER.normalize(Fixtures.read(COLUMNS).get(0).parsed(), null, false,
                Fixtures.RECEIVED);
        JsonNode e = r.body();
        assertThat(at(e, "metadata.log_provider")).endsWith("/silk");
        assertThat(e.path("type_uid").asInt()).isEqualTo(400106);
        assertThat(e.path("severity_id").asInt()).isEqualTo(1);
        assertThat(at(e, "metadata.product.name")).isEqualTo("SiLK");
        assertThat(at(e, "src_endpoint.ip")).isEqualTo("198.51.100.7");
        assertThat(e.path("src_endpoint").path("port").asInt()).isEqualTo(51234);
        assertThat(at(e, "dst_endpoint.ip")).isEqualTo("192.0.2.80");
        assertThat(e.path("dst_endpoint").path("port").asInt()).isEqualTo(443);
        assertThat(e.path("connection_info").path("protocol_num").asInt()).isEqualTo(6);
        assertThat(e.path("connection_info").path("tcp_flags").asInt()).isEqualTo(1 + 2 + 8 + 16);
        assertThat(e.path("traffic").path("packets").asLong()).isEqualTo(12);
        assertThat(e.path("traffic").path("bytes").asLong()).isEqualTo(4410);
        assertThat(e.path("time").asLong()).isEqualTo(1714651081250L);
        assertThat(e.path("start_time").asLong()).isEqualTo(1714651081250L);
        assertThat(e.path("end_time").asLong()).isEqualTo(1714651083375L);
        assertThat(e.path("duration").asLong()).isEqualTo(2125);
        assertThat(at(e, "metadata.original_time")).isEqualTo("2024/05/02T11:58:01.250");
        assertThat(r.time().flagNames()).contains("zone-assumed").doesNotContain("unreadable");
        assertThat(at(e, "unmapped.sensor")).isEqualTo("EDGE2");
        assertThat(e.path("unmapped").has("sIP")).isFalse();
    }

    @Test
    void aCommaDelimitedRecordKeepsWhatItDoesNotMapInUnmapped() {
        List<Piece> pieces = Fixtures.read(CSV);
        assertThat(pieces).hasSize(2).noneMatch(Piece::isQuarantined);
        JsonNode dns = Fixtures.NORMALIZER.normalize(pieces.get(0).parsed(), null, false, Fixtures.RECEIVED).body();
        assertThat(at(dns, "dst_endpoint.port")).isEqualTo("53");
        assertThat(dns.path("connection_info").path("protocol_num").asInt()).isEqualTo(17);
        assertThat(dns.path("connection_info").path("direction_id").asInt()).isEqualTo(2);
        assertThat(dns.path("connection_info").has("tcp_flags")).isFalse();
        assertThat(at(dns, "unmapped.type")).isEqualTo("out");
        assertThat(at(dns, "unmapped.class")).isEqualTo("all");
        assertThat(at(dns, "unmapped.nhIP")).isEqualTo("0.0.0.0");
        assertThat(at(dns, "unmapped.application")).isEqualTo("53");
        assertThat(dns.path("unmapped").has("iType")).isFalse();
        assertThat(dns.path("duration").asLong()).isZero();
    }

    @Test
    void icmpPortColumnsAreNotPorts() {
        JsonNode ping = Fixtures.NORMALIZER.normalize(Fixtures.read(CSV).get(1).parsed(), null, false,
                Fixtures.RECEIVED).body();
        assertThat(at(ping, "src_endpoint.ip")).isEqualTo("203.0.113.9");
        assertThat(ping.path("src_endpoint").has("port")).isFalse();
        assertThat(ping.path("dst_endpoint").has("port")).isFalse();
        assertThat(ping.path("connection_info").path("direction_id").asInt()).isEqualTo(1);
        assertThat(at(ping, "unmapped.iType")).isEqualTo("8");
        assertThat(at(ping, "unmapped.dPort")).isEqualTo("0");
    }

    @Test
    void deprecatedMsecColumnsAndEpochTimesAreRead() {
        String body = """
                sIP|dIP|sPort|dPort|protocol|sTime+msec|dur+msec|eTime+msec
                192.0.2.1|192.0.2.2|1025|22|6|1714651081.250|3.500|1714651084.750
                """;
        JsonNode e = Fixtures.NORMALIZER.normalize(Fixtures.read(body).get(0).parsed(), null, false,
                Fixtures.RECEIVED).body();
        assertThat(e.path("time").asLong()).isEqualTo(1714651081250L);
        assertThat(e.path("end_time").asLong()).isEqualTo(1714651084750L);
        assertThat(e.path("duration").asLong()).isEqualTo(3500);
        assertThat(e.path("unmapped").isMissingNode() || e.path("unmapped").isEmpty()).isTrue();
    }

    @Test
    void withoutEndTimeTheEndIsStartPlusDuration() {
        String body = "sIP|dIP|sTime|duration|\n192.0.2.1|192.0.2.2|2024/05/02T11:58:01|4|\n";
        JsonNode e = Fixtures.NORMALIZER.normalize(Fixtures.read(body).get(0).parsed(), null, false,
                Fixtures.RECEIVED).body();
        assertThat(e.path("end_time").asLong() - e.path("start_time").asLong()).isEqualTo(4000);
    }

    @Test
    void decimalAndZeroPaddedAddressesAreReadAsAddresses() {
        String body = "sIP|dIP|sPort|dPort|\n3221225985|198.051.100.007|80|8080|\n";
        JsonNode e = Fixtures.NORMALIZER.normalize(Fixtures.read(body).get(0).parsed(), null, false,
                Fixtures.RECEIVED).body();
        assertThat(at(e, "src_endpoint.ip")).isEqualTo("192.0.2.1");
        assertThat(at(e, "dst_endpoint.ip")).isEqualTo("198.51.100.7");
    }

    @Test
    void aRowWithAnotherColumnCountIsQuarantinedWithItsTitleLine() {
        String body = "sIP,dIP,sPort,dPort,protocol\n10.0.0.1,10.0.0.2,1,2\n10.0.0.1,10.0.0.2,1,2,6\n";
        List<Piece> pieces = Fixtures.read(body);
        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(0).isQuarantined()).isTrue();
        assertThat(pieces.get(0).reason()).contains("4 columns").contains("names 5");
        assertThat(pieces.get(0).raw()).startsWith("sIP,dIP,sPort,dPort,protocol\n");
        // a replay reads the row by its title line again (the row itself is still short)
        assertThat(Fixtures.read(pieces.get(0).raw())).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("4 columns"));
        assertThat(pieces.get(1).isQuarantined()).isFalse();
    }

    @Test
    void unreadableValuesStayInUnmappedAndNeverThrow() {
        String body = "sIP|dIP|sPort|dPort|flags|sTime|duration|\nnot-an-ip|::1|99999|x|QQ|yesterday|long|\n";
        NormalizedRecord r = Fixtures.NORMALIZER.normalize(Fixtures.read(body).get(0).parsed(), null, false,
                Fixtures.RECEIVED);
        JsonNode e = r.body();
        assertThat(e.path("src_endpoint").has("ip")).isFalse();
        assertThat(at(e, "dst_endpoint.ip")).isEqualTo("::1");
        assertThat(at(e, "unmapped.sIP")).isEqualTo("not-an-ip");
        assertThat(at(e, "unmapped.sPort")).isEqualTo("99999");
        assertThat(at(e, "unmapped.flags")).isEqualTo("QQ");
        assertThat(r.time().flagNames()).contains("unreadable");
    }

    @Test
    void joinedOutputsEachUseTheirOwnTitleLine() {
        String body = "sIP|dIP|protocol|\n192.0.2.1|192.0.2.2|6|\ndIP|sIP|bytes|\n192.0.2.3|192.0.2.4|99|\n";
        List<Piece> pieces = Fixtures.read(body);
        assertThat(pieces).hasSize(2);
        JsonNode second = Fixtures.NORMALIZER.normalize(pieces.get(1).parsed(), null, false, Fixtures.RECEIVED)
                .body();
        assertThat(at(second, "dst_endpoint.ip")).isEqualTo("192.0.2.3");
        assertThat(second.path("traffic").path("bytes").asLong()).isEqualTo(99);
    }

    @Test
    void linesThatOnlyResembleTitlesAreNotSilk() {
        assertThat(Fixtures.read("1|2|3|\n4|5|6|\n")).hasSize(2)
                .allMatch(p -> !"tsv".equals(p.parsed().format()));
        assertThat(Fixtures.read("CEF:0|sIP|dIP|sPort|1|name|5|src=10.0.0.1\n").get(0).parsed().format())
                .isNotEqualTo("tsv");
        assertThat(Fixtures.read("sip dip are two words\n").get(0).parsed().format()).isNotEqualTo("tsv");
    }
}
