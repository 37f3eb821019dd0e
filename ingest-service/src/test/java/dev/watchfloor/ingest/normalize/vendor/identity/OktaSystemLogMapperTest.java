package dev.watchfloor.ingest.normalize.vendor.identity;

import static dev.watchfloor.ingest.normalize.vendor.identity.Normalize.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class OktaSystemLogMapperTest {

    private static final String SIGN_ON = """
            {"uuid":"7f1c2a10-0810-11ef-9a2b-5d3e2f6a7b11","published":"2024-05-02T09:14:07.512Z",
             "eventType":"user.session.start","version":"0","severity":"INFO",
             "legacyEventType":"core.user_auth.login_failed","displayMessage":"User login to Okta",
             "actor":{"id":"00u8k2lmQvT3aB9c1d7","type":"User","alternateId":"maria.lopez@northwind.example",
                      "displayName":"Maria Lopez"},
             "client":{"userAgent":{"rawUserAgent":"Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0","os":"Linux",
                       "browser":"FIREFOX"},"zone":"null","device":"Computer","ipAddress":"198.51.100.23",
                       "geographicalContext":{"city":"Lyon","state":"Auvergne-Rhone-Alpes","country":"France",
                       "postalCode":"69002","geolocation":{"lat":45.76,"lon":4.83}}},
             "securityContext":{"asNumber":64500,"asOrg":"Example Transit","isp":"Example ISP",
                       "domain":"isp.example","isProxy":false},
             "outcome":{"result":"FAILURE","reason":"INVALID_CREDENTIALS"},
             "authenticationContext":{"externalSessionId":"unknown"},
             "debugContext":{"debugData":{"requestId":"ZjNn7wAAAAA","requestUri":"/api/v1/authn"}},
             "target":[{"id":"0oa5app","type":"AppInstance","alternateId":"Payroll","displayName":"Payroll"}]}
            """;

    @Test
    void failedSignOnIsAFailedLogonOfTheActor() {
        NormalizedRecord r = Normalize.one(SIGN_ON);

        assertThat(r.source()).isEqualTo("okta");
        assertThat(at(r, "class_uid")).isEqualTo("3002");
        assertThat(at(r, "activity_id")).isEqualTo("1");
        assertThat(at(r, "status_id")).isEqualTo("2");
        assertThat(at(r, "status_detail")).isEqualTo("INVALID_CREDENTIALS");
        assertThat(at(r, "severity_id")).isEqualTo("1");
        assertThat(at(r, "user.name")).isEqualTo("Maria Lopez");
        assertThat(at(r, "user.email_addr")).isEqualTo("maria.lopez@northwind.example");
        assertThat(at(r, "actor.user.uid")).isEqualTo("00u8k2lmQvT3aB9c1d7");
        assertThat(at(r, "src_endpoint.ip")).isEqualTo("198.51.100.23");
        assertThat(at(r, "src_endpoint.location.city")).isEqualTo("Lyon");
        assertThat(at(r, "src_endpoint.location.long")).isEqualTo("4.83");
        assertThat(at(r, "src_endpoint.autonomous_system.number")).isEqualTo("64500");
        assertThat(at(r, "src_endpoint.location.isp")).isEqualTo("Example ISP");
        assertThat(at(r, "unmapped.securityContext.isProxy")).isEqualTo("false");
        assertThat(at(r, "http_request.user_agent")).contains("Firefox");
        assertThat(at(r, "service.name")).isEqualTo("Payroll");
        assertThat(at(r, "time")).isEqualTo("1714641247512");
        assertThat(at(r, "metadata.uid")).isEqualTo("7f1c2a10-0810-11ef-9a2b-5d3e2f6a7b11");
        assertThat(at(r, "metadata.event_code")).isEqualTo("user.session.start");
        assertThat(r.title()).isEqualTo("User login to Okta");
        assertThat(r.entities()).contains("ip:198.51.100.23", "user:maria lopez");
        assertThat(at(r, "unmapped.legacyEventType")).isEqualTo("core.user_auth.login_failed");
    }

    @Test
    void userCreatedByAnAdminIsAnAccountChangeOfTheTarget() {
        NormalizedRecord r = Normalize.one("""
                {"uuid":"a1","published":"2024-05-02T10:00:00.000Z","eventType":"user.lifecycle.create",
                 "severity":"INFO","displayMessage":"Create okta user",
                 "actor":{"id":"00uadmin","type":"User","alternateId":"it.admin@northwind.example",
                          "displayName":"IT Admin"},
                 "client":{"ipAddress":"203.0.113.9"},"outcome":{"result":"SUCCESS"},
                 "target":[{"id":"00unew","type":"User","alternateId":"sam.ortiz@northwind.example",
                            "displayName":"Sam Ortiz"}]}
                """);

        assertThat(at(r, "class_uid")).isEqualTo("3001");
        assertThat(at(r, "activity_id")).isEqualTo("1");
        assertThat(at(r, "type_uid")).isEqualTo("300101");
        assertThat(at(r, "actor.user.name")).isEqualTo("IT Admin");
        assertThat(at(r, "user.name")).isEqualTo("Sam Ortiz");
        assertThat(at(r, "user.uid")).isEqualTo("00unew");
        assertThat(at(r, "status_id")).isEqualTo("1");
    }

    @Test
    void lockedAccountWithoutTargetIsTheActorsOwnAccount() {
        NormalizedRecord r = Normalize.one("""
                {"uuid":"a2","published":"2024-05-02T10:01:00.000Z","eventType":"user.account.lock",
                 "severity":"WARN","actor":{"id":"00u1","type":"User","alternateId":"kim@northwind.example",
                 "displayName":"Kim Park"},"outcome":{"result":"FAILURE","reason":"LOCKED_OUT"}}
                """);

        assertThat(at(r, "class_uid")).isEqualTo("3001");
        assertThat(at(r, "activity_id")).isEqualTo("9");
        assertThat(at(r, "severity_id")).isEqualTo("3");
        assertThat(at(r, "user.name")).isEqualTo("Kim Park");
    }

    @Test
    void groupMembershipRemovalNamesGroupAndUser() {
        NormalizedRecord r = Normalize.one("""
                {"uuid":"a3","published":"2024-05-02T10:02:00.000Z","eventType":"group.user_membership.remove",
                 "severity":"INFO","actor":{"id":"00uadmin","type":"User","alternateId":"it.admin@northwind.example",
                 "displayName":"IT Admin"},"outcome":{"result":"SUCCESS"},
                 "target":[{"id":"00g1","type":"UserGroup","alternateId":"unknown","displayName":"Finance"},
                           {"id":"00u2","type":"User","alternateId":"lee@northwind.example","displayName":"Lee Chan"}]}
                """);

        assertThat(at(r, "class_uid")).isEqualTo("3006");
        assertThat(at(r, "activity_id")).isEqualTo("4");
        assertThat(at(r, "group.name")).isEqualTo("Finance");
        assertThat(at(r, "user.name")).isEqualTo("Lee Chan");
        assertThat(at(r, "actor.user.name")).isEqualTo("IT Admin");
    }

    @Test
    void otherEventTypesAreApiActivityByVerbAndAppActorsAreNotUsers() {
        NormalizedRecord r = Normalize.one("""
                {"uuid":"a4","published":"2024-05-02T10:03:00.000Z","eventType":"system.api_token.revoke",
                 "severity":"INFO","actor":{"id":"0oa9","type":"PublicClientApp","displayName":"Terraform"},
                 "outcome":{"result":"SUCCESS"}}
                """);

        assertThat(at(r, "class_uid")).isEqualTo("6003");
        assertThat(at(r, "activity_id")).isEqualTo("4");
        assertThat(at(r, "actor.app_name")).isEqualTo("Terraform");
        assertThat(at(r, "actor.user.name")).isNull();
    }

    @Test
    void readsRecordsWhoseTopLevelKeysWereLowerCased() {
        NormalizedRecord r = Normalize.one("""
                {"eventtype":"user.session.end","displaymessage":"User logout from Okta","published":
                 "2024-05-02 10:04:00.250","severity":"DEBUG","actor":{"id":"00u1","type":"User",
                 "alternateId":"kim@northwind.example","displayName":"Kim Park"},"outcome":{"result":"SUCCESS"}}
                """);

        assertThat(r.source()).isEqualTo("okta");
        assertThat(at(r, "activity_id")).isEqualTo("2");
        assertThat(at(r, "severity_id")).isEqualTo("0");
        assertThat(r.title()).isEqualTo("User logout from Okta");
    }

    @Test
    void readsTheLogEventOfAnEventBridgeLogStream() {
        NormalizedRecord r = Normalize
                .one("""
                        {"version":"0","id":"9b2d","detail-type":"SystemLog","source":"aws.partner/okta.com/northwind/stream",
                         "account":"210987654321","time":"2024-05-02T10:05:00Z","region":"eu-west-1","resources":[],
                         "detail":{"uuid":"e7","published":"2024-05-02T10:05:00.000Z","eventType":"user.account.unlock",
                          "severity":"INFO","actor":{"id":"00uadmin","type":"User","alternateId":"it.admin@northwind.example",
                          "displayName":"IT Admin"},"client":{"ipAddress":"203.0.113.9"},"outcome":{"result":"SUCCESS"},
                          "target":[{"id":"00u1","type":"User","alternateId":"kim@northwind.example","displayName":"Kim Park"}]}}
                        """);

        assertThat(r.source()).isEqualTo("okta");
        assertThat(at(r, "class_uid")).isEqualTo("3001");
        assertThat(at(r, "activity_id")).isEqualTo("2");
        assertThat(at(r, "user.name")).isEqualTo("Kim Park");
        assertThat(at(r, "src_endpoint.ip")).isEqualTo("203.0.113.9");
        assertThat(at(r, "metadata.uid")).isEqualTo("e7");
        assertThat(at(r, "unmapped.detail-type")).isNull();
    }
}
