package dev.watchfloor.ingest.normalize.vendor.cloud;

import static dev.watchfloor.ingest.normalize.vendor.cloud.CloudFixtures.one;
import static dev.watchfloor.ingest.normalize.vendor.cloud.CloudFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class M365MapperTest {

    @Test
    void aFailedMessageTraceIsAFailedEmailTrace() {
        NormalizedRecord r = one(
                """
                        {"Organization":"contoso-demo.onmicrosoft.com","MessageId":"<a1b2c3@mail.fabrikam.example>",
                         "Received":"2024-05-01T07:45:10.5551234","SenderAddress":"billing@fabrikam.example",
                         "RecipientAddress":"ap@contoso-demo.example","Subject":"Invoice 4471","Status":"Failed",
                         "ToIP":null,"FromIP":"192.0.2.200","Size":81234,"MessageTraceId":"6f0e2d1c-aaaa-bbbb-cccc-0123456789ab"}
                        """);
        JsonNode e = r.body();
        assertThat(r.source()).isEqualTo("m365-message-trace");
        assertThat(e.path("type_uid").asInt()).isEqualTo(400904);
        assertThat(e.path("status_id").asInt()).isEqualTo(2);
        assertThat(e.path("time").asLong()).isEqualTo(1714549510555L);
        assertThat(text(e, "src_endpoint.ip")).isEqualTo("192.0.2.200");
        assertThat(text(e, "email.smtp_to.0")).isEqualTo("ap@contoso-demo.example");
        assertThat(e.path("email").path("size").asLong()).isEqualTo(81234);
        assertThat(text(e, "message_trace_uid")).isEqualTo("6f0e2d1c-aaaa-bbbb-cccc-0123456789ab");
    }

    @Test
    void aFailedLoginIsAFailedLogonOfTheUser() {
        NormalizedRecord r = one("""
                {"CreationTime":"2024-05-01T06:00:00","Id":"e1","Operation":"UserLoginFailed","OrganizationId":"org-1",
                 "RecordType":15,"ResultStatus":"Success","UserKey":"10033FFF80000000","UserType":0,
                 "Workload":"AzureActiveDirectory","ClientIP":"198.51.100.5","UserId":"megan@contoso-demo.example",
                 "LogonError":"InvalidUserNameOrPassword",
                 "ExtendedProperties":[{"Name":"UserAgent","Value":"python-requests/2.31"}]}
                """);
        JsonNode e = r.body();
        assertThat(r.source()).isEqualTo("m365-audit");
        assertThat(e.path("type_uid").asInt()).isEqualTo(300201);
        assertThat(e.path("status_id").asInt()).isEqualTo(2);
        assertThat(text(e, "user.name")).isEqualTo("megan@contoso-demo.example");
        assertThat(text(e, "src_endpoint.ip")).isEqualTo("198.51.100.5");
        assertThat(text(e, "http_request.user_agent")).isEqualTo("python-requests/2.31");
        assertThat(text(e, "status_detail")).isEqualTo("InvalidUserNameOrPassword");
    }

    @Test
    void exchangeCmdletsWithLowerCasedKeysAreApiActivity() {
        NormalizedRecord r = one("""
                {"creationtime":"2024-05-01 06:10:00","id":"e2","operation":"New-InboxRule","organizationid":"org-1",
                 "recordtype":1,"resultstatus":"True","userid":"megan@contoso-demo.example","workload":"Exchange",
                 "clientip":"[2001:db8::7]:51234","objectid":"megan"}
                """);
        JsonNode e = r.body();
        assertThat(e.path("type_uid").asInt()).isEqualTo(600301);
        assertThat(e.path("status_id").asInt()).isEqualTo(1);
        assertThat(text(e, "actor.user.name")).isEqualTo("megan@contoso-demo.example");
        assertThat(text(e, "src_endpoint.ip")).isEqualTo("2001:db8::7");
        assertThat(e.path("src_endpoint").path("port").asInt()).isEqualTo(51234);
        assertThat(text(e, "api.service.name")).isEqualTo("Exchange");
    }

    @Test
    void operationsByTheirVerb() {
        assertThat(M365AuditMapper.activity("FileAccessed")).isEqualTo(2);
        assertThat(M365AuditMapper.activity("FileDeleted")).isEqualTo(4);
        assertThat(M365AuditMapper.activity("Set-Mailbox")).isEqualTo(3);
        assertThat(M365AuditMapper.activity("FileUploaded")).isEqualTo(1);
        assertThat(M365AuditMapper.activity("SomethingElse")).isEqualTo(99);
    }

    @Test
    void aSentinelOfficeActivityRowIsRead() {
        NormalizedRecord r = one("""
                {"Type":"OfficeActivity","TimeGenerated":"2024-05-01T05:00:00Z","Operation":"MailItemsAccessed",
                 "OfficeWorkload":"Exchange","UserId":"adele@contoso-demo.example","Client_IPAddress":"192.0.2.77",
                 "ResultStatus":"Succeeded","RecordType":"50"}
                """);
        assertThat(r.source()).isEqualTo("m365-audit");
        assertThat(r.body().path("activity_id").asInt()).isEqualTo(2);
        assertThat(text(r.body(), "src_endpoint.ip")).isEqualTo("192.0.2.77");
        assertThat(r.body().path("time").asLong()).isEqualTo(1714539600000L);
    }
}
