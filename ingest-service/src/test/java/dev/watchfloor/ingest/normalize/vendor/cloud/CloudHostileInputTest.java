package dev.watchfloor.ingest.normalize.vendor.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.watchfloor.ingest.normalize.NormalizedRecord;
import dev.watchfloor.ingest.normalize.format.Piece;
import dev.watchfloor.ingest.normalize.format.VpcFlowText;
import dev.watchfloor.ingest.normalize.ocsf.Mapper;

/** Odd, missing and wrongly typed values never throw out of the cloud mappers or the VPC flow text reader. */
class CloudHostileInputTest {

    private static final List<String> IDS = List.of("k8s-audit", "route53-resolver", "vpc-flow", "aws-waf", "falco",
            "m365-message-trace", "m365-audit", "qradar-offense");

    private static final List<String> HOSTILE = List.of("{}", """
            {"kind":"Event","apiVersion":"audit.k8s.io/v1","verb":["get"],"user":"root","sourceIPs":"1.2.3.4",
             "objectRef":[1,2],"responseStatus":{"code":"abc"},"stageTimestamp":{"x":1},"annotations":7}
            """, """
            {"query_name":{"a":1},"query_timestamp":"not a time","srcaddr":"999.1.1.1","srcport":"99999999",
             "answers":"none","rcode":12,"firewall_rule_action":[],"srcids":[]}
            """, """
            {"srcaddr":"x","dstaddr":[],"srcport":-1,"dstport":"65536","protocol":"-7","start":"99999999999999999999",
             "end":-5,"action":{"ACCEPT":true},"log_status":null,"interface_id":"","bytes":"1e400","tcp_flags":"FF"}
            """, """
            {"webaclId":["x"],"httpRequest":{"headers":{"name":"Host"},"clientIp":12,"httpMethod":""},
             "timestamp":-99999999999999999,"action":null}
            """, """
            {"rule":"r","priority":{"p":1},"output":"","time":"yesterday","tags":"T1059",
             "output_fields":{"proc.pid":-1,"proc.ppid":99999999999999,"fd.name":"/etc/shadow","fd.type":7}}
            """, """
            {"MessageTraceId":1,"Received":[],"SenderAddress":{"x":"y"},"RecipientAddress":null,"Size":"big",
             "FromIP":"::::::","Status":5}
            """, """
            {"Operation":["UserLoggedIn"],"CreationTime":"0000-00-00","Workload":1,"OrganizationId":"o",
             "ClientIP":"[::1","ExtendedProperties":[null,1,{"Name":"UserAgent"}],"ObjectId":{}}
            """, """
            {"id":{"x":1},"offense_type":"seven","offense_source":[],"magnitude":-3,"severity":1e308,
             "status":"?","start_time":"soon","categories":[null,{"a":1},"x"]}
            """);

    @Test
    void forcedMappersNeverThrowOnHostileRecords() {
        for (String id : IDS) {
            Mapper mapper = CloudFixtures.NORMALIZER.mappers().named(id);
            assertThat(mapper.id()).isEqualTo(id);
            for (String text : HOSTILE) {
                for (Piece piece : CloudFixtures.read(text)) {
                    assertThatCode(() -> mapper.matches(piece.parsed())).as(id + " matches " + text)
                            .doesNotThrowAnyException();
                    NormalizedRecord r = CloudFixtures.NORMALIZER.normalize(piece.parsed(), id, false,
                            Instant.parse("2024-05-01T12:00:00Z"));
                    assertThat(r.body().path("class_uid").isInt()).as(id + " on " + text).isTrue();
                }
            }
        }
    }

    @Test
    void theVpcFlowReaderKeepsOddBodiesApart() {
        assertThat(VpcFlowText.looksLike("version account-id not-a-field srcaddr")).isFalse();
        assertThat(VpcFlowText.looksLike("version start end")).isFalse();
        assertThat(VpcFlowText.looksLike("")).isFalse();
        List<Piece> pieces = VpcFlowText.records("""
                srcaddr dstaddr action
                10.0.0.1 10.0.0.2 ACCEPT extra
                \t
                srcaddr,dstaddr,action,log_status
                10.0.0.3,10.0.0.4,REJECT,OK
                """);
        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(0).isQuarantined()).isTrue();
        assertThat(pieces.get(1).parsed().fields().path("dstaddr").asText()).isEqualTo("10.0.0.4");
    }
}
