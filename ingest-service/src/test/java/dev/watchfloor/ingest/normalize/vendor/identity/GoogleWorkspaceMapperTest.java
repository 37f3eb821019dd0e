package dev.watchfloor.ingest.normalize.vendor.identity;

import static dev.watchfloor.ingest.normalize.vendor.identity.Normalize.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class GoogleWorkspaceMapperTest {

    @Test
    void reportsApiPageOfLoginActivitiesIsAuthentication() {
        List<NormalizedRecord> records = Normalize.all("""
                {"kind":"admin#reports#activities","etag":"\\"e1\\"","items":[
                 {"kind":"admin#reports#activity","id":{"time":"2024-05-02T06:12:44.318Z","uniqueQualifier":
                  "-4417760120873105671","applicationName":"login","customerId":"C03x1y2z"},"etag":"\\"e2\\"",
                  "actor":{"email":"li.wei@fabrikam.example","profileId":"104923566772211"},
                  "ipAddress":"203.0.113.31","events":[{"type":"login","name":"login_failure","parameters":[
                   {"name":"login_type","value":"google_password"},
                   {"name":"login_failure_type","value":"login_failure_invalid_password"},
                   {"name":"login_challenge_method","multiValue":["password"]},
                   {"name":"is_suspicious","boolValue":false}]}]},
                 {"kind":"admin#reports#activity","id":{"time":"2024-05-02T06:13:02.001Z","uniqueQualifier":"77",
                  "applicationName":"login","customerId":"C03x1y2z"},"etag":"\\"e3\\"",
                  "actor":{"email":"li.wei@fabrikam.example","profileId":"104923566772211"},
                  "ipAddress":"203.0.113.31","events":[{"type":"login","name":"suspicious_login","parameters":[
                   {"name":"login_type","value":"google_password"}]}]}
                ],"nextPageToken":"A:1714630382001000:-77"}
                """);

        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.source()).isEqualTo("google-workspace"));
        NormalizedRecord failure = records.get(0);
        assertThat(at(failure, "class_uid")).isEqualTo("3002");
        assertThat(at(failure, "activity_id")).isEqualTo("1");
        assertThat(at(failure, "status_id")).isEqualTo("2");
        assertThat(at(failure, "status_detail")).isEqualTo("login_failure_invalid_password");
        assertThat(at(failure, "user.email_addr")).isEqualTo("li.wei@fabrikam.example");
        assertThat(at(failure, "src_endpoint.ip")).isEqualTo("203.0.113.31");
        assertThat(at(failure, "metadata.uid")).isEqualTo("-4417760120873105671");
        assertThat(at(failure, "time")).isEqualTo("1714630364318");
        assertThat(at(failure, "unmapped.events.0.parameters.0.value")).isEqualTo("google_password");
        assertThat(records.get(1).severityId()).isEqualTo(3);
    }

    @Test
    void adminUserCreationIsAccountChangeOfTheNamedUser() {
        NormalizedRecord r = Normalize.one("""
                {"kind":"admin#reports#activity","id":{"time":"2024-05-02T06:20:00.000Z","uniqueQualifier":"91",
                 "applicationName":"admin","customerId":"C03x1y2z"},"etag":"\\"e4\\"","actor":{"callerType":"USER",
                 "email":"admin@fabrikam.example","profileId":"1001"},"ipAddress":"192.0.2.55",
                 "events":[{"type":"USER_SETTINGS","name":"CREATE_USER","parameters":[
                  {"name":"USER_EMAIL","value":"new.hire@fabrikam.example"}]}]}
                """);

        assertThat(at(r, "class_uid")).isEqualTo("3001");
        assertThat(at(r, "activity_id")).isEqualTo("1");
        assertThat(at(r, "actor.user.email_addr")).isEqualTo("admin@fabrikam.example");
        assertThat(at(r, "user.email_addr")).isEqualTo("new.hire@fabrikam.example");
        assertThat(r.title()).isEqualTo("admin: CREATE_USER");
    }

    @Test
    void flattenedDriveEventIsApiActivityWithTheDocument() {
        NormalizedRecord r = Normalize.one("""
                {"actor":{"email":"omar@fabrikam.example","profileId":"1002"},"id":{"applicationName":"drive",
                 "customerId":"C03x1y2z","time":"2024-05-02 06:30:00.000000000","uniqueQualifier":"-5"},
                 "ipAddress":"192.0.2.56","kind":"admin#reports#activity","name":"download",
                 "parameters":{"doc_id":"1AbCdEf","doc_title":"Q2 forecast","doc_type":"spreadsheet",
                 "owner":"cfo@fabrikam.example","visibility":"private"},"type":"access"}
                """);

        assertThat(r.source()).isEqualTo("google-workspace");
        assertThat(at(r, "class_uid")).isEqualTo("6003");
        assertThat(at(r, "activity_id")).isEqualTo("2");
        assertThat(at(r, "resources.0.name")).isEqualTo("Q2 forecast");
        assertThat(at(r, "api.operation")).isEqualTo("download");
        assertThat(at(r, "unmapped.parameters.owner")).isEqualTo("cfo@fabrikam.example");
    }

    @Test
    void groupMemberAdditionIsGroupManagement() {
        NormalizedRecord r = Normalize.one("""
                {"kind":"admin#reports#activity","id":{"time":"2024-05-02T06:40:00Z","uniqueQualifier":"92",
                 "applicationName":"admin"},"actor":{"email":"admin@fabrikam.example"},"ipAddress":"192.0.2.55",
                 "etag":"x","events":[{"type":"GROUP_SETTINGS","name":"ADD_GROUP_MEMBER","parameters":[
                  {"name":"USER_EMAIL","value":"omar@fabrikam.example"},
                  {"name":"GROUP_EMAIL","value":"finance@fabrikam.example"}]}]}
                """);

        assertThat(at(r, "class_uid")).isEqualTo("3006");
        assertThat(at(r, "activity_id")).isEqualTo("3");
        assertThat(at(r, "group.name")).isEqualTo("finance@fabrikam.example");
        assertThat(at(r, "user.name")).isEqualTo("omar@fabrikam.example");
    }
}
