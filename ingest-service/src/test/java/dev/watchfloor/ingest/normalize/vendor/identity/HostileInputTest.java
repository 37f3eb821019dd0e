package dev.watchfloor.ingest.normalize.vendor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

/** Odd, missing and wrongly typed values: every identity and cloud mapper maps them without throwing. */
class HostileInputTest {

    private static final String LONG = "x".repeat(60_000);

    private static final String RECORDS = """
            {}
            {"eventType":"user.session.start","actor":"not an object","target":"nope","outcome":[1,2],
             "published":{"a":1},"client":{"ipAddress":"999.1.1.1"},"severity":7}
            {"eventType":"group.user_membership.add","actor":{"type":"User"},"published":"2024-05-02T00:00:00Z",
             "target":[null,1,"x",{"type":["User"]},{"type":"UserGroup","displayName":{"n":1}}]}
            {"eventSource":"iam.amazonaws.com","eventName":["CreateUser"],"userIdentity":"root",
             "eventTime":"yesterday","sourceIPAddress":12345,"responseElements":"Success","errorCode":{}}
            {"eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","userIdentity":{"arn":"/"},
             "responseElements":{"ConsoleLogin":{"x":1}},"additionalEventData":[]}
            {"detail-type":"GuardDuty Finding","detail":"oops","arn":"arn:aws:guardduty:x","id":"1","severity":1e400}
            {"arn":"arn:aws:guardduty:eu","id":"2","severity":-3,"resource":[],"service":{"action":"x",
             "archived":"maybe"},"createdAt":12,"updatedAt":null}
            {"SchemaVersion":"2018-10-08","Id":"3","AwsAccountId":"1","Severity":{"Normalized":"abc"},
             "Resources":"x","Compliance":{"Status":["FAILED"],"AssociatedStandards":"y"},"Types":"str",
             "Network":{"SourcePort":99999999,"DestinationPort":-1}}
            {"category":"SignInLogs","properties":{"status":"x","createdDateTime":[],"ipAddress":{}}}
            {"Type":"AuditLogs","TargetResources":{"a":1},"InitiatedBy":"[1,2]","AdditionalDetails":"k"}
            {"kind":"admin#reports#activity","id":{"applicationName":{}},"events":[1,2,3],"parameters":"x",
             "actor":[],"etag":"e","ipAddress":"::ffff:zz"}
            {"kind":"admin#reports#activity","id":{"applicationName":"login","time":"x"},"etag":"e","actor":{},
             "ipAddress":"1.1.1.1","events":[{"name":"login_challenge","parameters":[{"name":"is_suspicious"},
             {"value":"no name"},null,{"name":"login_challenge_status","multiValue":[]}]}]}
            {"action":"repo.create","actor":null,"@timestamp":-99999999999999999999,"actor_ip":"1.2.3",
             "org":["a"],"_document_id":"d"}
            """;

    @ParameterizedTest
    @ValueSource(strings = {"okta", "cloudtrail", "guardduty", "asff", "entra-signin", "entra-audit",
            "google-workspace", "github-audit"})
    void mapsOddRecordsWithoutThrowing(String source) {
        List<NormalizedRecord> records = Normalize.all(RECORDS, source);

        assertThat(records).hasSize(13).allSatisfy(r -> {
            assertThat(r.body().path("class_uid").isInt()).isTrue();
            assertThat(r.body().path("type_uid").asLong())
                    .isEqualTo(r.body().path("class_uid").asLong() * 100 + r.body().path("activity_id").asLong());
            assertThat(r.entities()).noneMatch(e -> e.startsWith("ip:999") || e.equals("ip:1.2.3"));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"okta", "cloudtrail", "guardduty", "asff", "entra-signin", "entra-audit",
            "google-workspace", "github-audit"})
    void detectsOddRecordsWithoutThrowingAndKeepsHugeValues(String source) {
        String huge = "{\"eventType\":\"user.session.start\",\"actor\":{\"displayName\":\"" + LONG
                + "\"},\"published\":\"2024-05-02T00:00:00Z\",\"action\":\"repo." + LONG + "\"}";

        List<NormalizedRecord> detected = Normalize.all(RECORDS + huge);
        List<NormalizedRecord> forced = Normalize.all(huge, source);

        assertThat(detected).hasSize(14);
        assertThat(forced).singleElement().satisfies(r -> assertThat(r.title().length()).isLessThanOrEqualTo(300));
    }
}
