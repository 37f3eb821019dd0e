package dev.watchfloor.ingest.normalize.vendor.identity;

import static dev.watchfloor.ingest.normalize.vendor.identity.Normalize.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

/** Microsoft Entra ID sign-in and audit logs in their Graph, Azure Monitor and Sentinel shapes. */
class EntraMappersTest {

    @Test
    void graphSignInWithErrorCodeIsAFailedLogonOfTheAccount() {
        NormalizedRecord r = Normalize.one("""
                {"id":"66ea54eb-6301-4ee5-be62-ff5a759b0100","createdDateTime":"2024-05-02T07:30:12Z",
                 "userDisplayName":"Ana Silva","userPrincipalName":"ana.silva@contoso.example",
                 "userId":"d7cc485d-2c1b-422c-98fd-5ce52859a4a3","appId":"de8bc8b5-d9f9-48b1-a8ad-b748da725064",
                 "appDisplayName":"Graph Explorer","ipAddress":"198.51.100.140","clientAppUsed":"Browser",
                 "correlationId":"65d0b6f0-7e0d-4d1a-9a2e-000000000001","conditionalAccessStatus":"notApplied",
                 "isInteractive":true,"riskLevelDuringSignIn":"high","riskState":"atRisk",
                 "status":{"errorCode":50126,"failureReason":"Invalid username or password."},
                 "deviceDetail":{"deviceId":"","displayName":"LAPTOP-7Q2","operatingSystem":"Windows 10",
                  "browser":"Edge 124.0.0"},
                 "location":{"city":"Porto","state":"Porto","countryOrRegion":"PT"}}
                """);

        assertThat(r.source()).isEqualTo("entra-signin");
        assertThat(at(r, "class_uid")).isEqualTo("3002");
        assertThat(at(r, "activity_id")).isEqualTo("1");
        assertThat(at(r, "status_id")).isEqualTo("2");
        assertThat(at(r, "status_code")).isEqualTo("50126");
        assertThat(at(r, "status_detail")).isEqualTo("Invalid username or password.");
        assertThat(at(r, "severity_id")).isEqualTo("4");
        assertThat(at(r, "user.name")).isEqualTo("ana.silva@contoso.example");
        assertThat(at(r, "user.uid")).isEqualTo("d7cc485d-2c1b-422c-98fd-5ce52859a4a3");
        assertThat(at(r, "src_endpoint.ip")).isEqualTo("198.51.100.140");
        assertThat(at(r, "src_endpoint.location.country")).isEqualTo("PT");
        assertThat(at(r, "service.name")).isEqualTo("Graph Explorer");
        assertThat(at(r, "device.name")).isEqualTo("LAPTOP-7Q2");
        assertThat(at(r, "time")).isEqualTo("1714635012000");
        assertThat(r.title()).isEqualTo("Sign-in to Graph Explorer");
    }

    @Test
    void azureMonitorSignInRecordReadsItsProperties() {
        NormalizedRecord r = Normalize.one("""
                {"time":"2024-05-02T07:31:00.0000000Z","resourceId":"/tenants/7a1b/providers/Microsoft.aadiam",
                 "operationName":"Sign-in activity","operationVersion":"1.0","category":"NonInteractiveUserSignInLogs",
                 "tenantId":"7a1b","resultType":"0","resultSignature":"None","durationMs":0,
                 "callerIpAddress":"198.51.100.141","correlationId":"c2","Level":4,
                 "properties":{"id":"s2","createdDateTime":"2024-05-02T07:30:58Z",
                  "userPrincipalName":"svc.reports@contoso.example","userId":"u2","appDisplayName":"Office 365",
                  "ipAddress":"198.51.100.141","status":{"errorCode":0},"authenticationRequirement":
                  "singleFactorAuthentication"}}
                """);

        assertThat(r.source()).isEqualTo("entra-signin");
        assertThat(at(r, "status_id")).isEqualTo("1");
        assertThat(at(r, "user.name")).isEqualTo("svc.reports@contoso.example");
        assertThat(at(r, "is_mfa")).isEqualTo("false");
        assertThat(at(r, "time")).isEqualTo("1714635058000");
        assertThat(at(r, "metadata.product.feature.name")).isEqualTo("NonInteractiveUserSignInLogs");
    }

    @Test
    void sentinelSigninLogsRowWithJsonInStringColumns() {
        NormalizedRecord r = Normalize.one("""
                {"TenantId":"7a1b","SourceSystem":"Azure AD","TimeGenerated":"2024-05-02T07:32:10Z",
                 "OperationName":"Sign-in activity","Category":"SignInLogs","ResultType":"50074",
                 "ResultDescription":"Strong Authentication is required.","Identity":"Ana Silva",
                 "UserPrincipalName":"ana.silva@contoso.example","UserId":"u1","AppDisplayName":"Azure Portal",
                 "IPAddress":"198.51.100.142","CreatedDateTime":"2024-05-02T07:32:05Z",
                 "LocationDetails":"{\\"city\\":\\"Braga\\",\\"countryOrRegion\\":\\"PT\\"}",
                 "Status":"{\\"errorCode\\":50074,\\"failureReason\\":\\"Strong Authentication is required.\\"}",
                 "Type":"SigninLogs"}
                """);

        assertThat(r.source()).isEqualTo("entra-signin");
        assertThat(at(r, "status_id")).isEqualTo("2");
        assertThat(at(r, "status_code")).isEqualTo("50074");
        assertThat(at(r, "user.name")).isEqualTo("ana.silva@contoso.example");
        assertThat(at(r, "src_endpoint.ip")).isEqualTo("198.51.100.142");
        assertThat(at(r, "time")).isEqualTo("1714635125000");
    }

    @Test
    void graphDirectoryAuditGroupMembershipIsGroupManagement() {
        NormalizedRecord r = Normalize.one("""
                {"id":"Directory_9f1","category":"GroupManagement","correlationId":"c9","result":"success",
                 "resultReason":"","activityDisplayName":"Add member to group",
                 "activityDateTime":"2024-05-02T08:05:00.1234567Z","loggedByService":"Core Directory",
                 "operationType":"Assign","initiatedBy":{"user":{"id":"a1","displayName":null,
                  "userPrincipalName":"helpdesk@contoso.example","ipAddress":"192.0.2.80"}},
                 "targetResources":[{"id":"u7","displayName":null,"type":"User",
                  "userPrincipalName":"new.hire@contoso.example","modifiedProperties":[]},
                  {"id":"g3","displayName":"Finance Approvers","type":"Group","modifiedProperties":[]}],
                 "additionalDetails":[{"key":"User-Agent","value":"Mozilla/5.0 (Windows NT 10.0)"}]}
                """);

        assertThat(r.source()).isEqualTo("entra-audit");
        assertThat(at(r, "class_uid")).isEqualTo("3006");
        assertThat(at(r, "activity_id")).isEqualTo("3");
        assertThat(at(r, "actor.user.name")).isEqualTo("helpdesk@contoso.example");
        assertThat(at(r, "user.name")).isEqualTo("new.hire@contoso.example");
        assertThat(at(r, "group.name")).isEqualTo("Finance Approvers");
        assertThat(at(r, "src_endpoint.ip")).isEqualTo("192.0.2.80");
        assertThat(at(r, "http_request.user_agent")).isEqualTo("Mozilla/5.0 (Windows NT 10.0)");
        assertThat(at(r, "status_id")).isEqualTo("1");
    }

    @Test
    void sentinelAuditRowByAnAppIsAccountChangeOrApiActivity() {
        NormalizedRecord r = Normalize
                .one("""
                        {"TenantId":"7a1b","SourceSystem":"Azure AD","TimeGenerated":"2024-05-02T08:10:00Z",
                         "OperationName":"Reset user password","Category":"UserManagement","Result":"failure",
                         "ResultReason":"Password does not meet complexity","ActivityDisplayName":"Reset user password",
                         "ActivityDateTime":"2024-05-02T08:09:59Z","LoggedByService":"Core Directory",
                         "AADOperationType":"Update","Id":"Directory_2",
                         "InitiatedBy":"{\\"app\\":{\\"appId\\":\\"app-9\\",\\"displayName\\":\\"Provisioning Agent\\",\\"servicePrincipalId\\":\\"sp-9\\"}}",
                         "TargetResources":"[{\\"id\\":\\"u8\\",\\"type\\":\\"User\\",\\"userPrincipalName\\":\\"old.account@contoso.example\\"}]",
                         "Type":"AuditLogs"}
                        """);

        assertThat(r.source()).isEqualTo("entra-audit");
        assertThat(at(r, "class_uid")).isEqualTo("3001");
        assertThat(at(r, "activity_id")).isEqualTo("4");
        assertThat(at(r, "status_id")).isEqualTo("2");
        assertThat(at(r, "actor.app_name")).isEqualTo("Provisioning Agent");
        assertThat(at(r, "user.name")).isEqualTo("old.account@contoso.example");
        assertThat(at(r, "time")).isEqualTo("1714637399000");
    }

    @Test
    void azureMonitorAuditPolicyChangeIsApiActivityByOperationType() {
        NormalizedRecord r = Normalize.one("""
                {"time":"2024-05-02T08:20:00Z","resourceId":"/tenants/7a1b/providers/Microsoft.aadiam",
                 "operationName":"Delete conditional access policy","category":"AuditLogs","tenantId":"7a1b",
                 "callerIpAddress":"192.0.2.81","properties":{"id":"Directory_3","category":"Policy",
                  "result":"success","activityDisplayName":"Delete conditional access policy",
                  "activityDateTime":"2024-05-02T08:19:59Z","operationType":"Delete",
                  "initiatedBy":{"user":{"id":"a2","userPrincipalName":"secadmin@contoso.example"}},
                  "targetResources":[{"id":"p1","displayName":"Block legacy auth","type":"Policy"}]}}
                """);

        assertThat(r.source()).isEqualTo("entra-audit");
        assertThat(at(r, "class_uid")).isEqualTo("6003");
        assertThat(at(r, "activity_id")).isEqualTo("4");
        assertThat(at(r, "actor.user.name")).isEqualTo("secadmin@contoso.example");
        assertThat(at(r, "src_endpoint.ip")).isEqualTo("192.0.2.81");
        assertThat(at(r, "resources.0.name")).isEqualTo("Block legacy auth");
    }
}
