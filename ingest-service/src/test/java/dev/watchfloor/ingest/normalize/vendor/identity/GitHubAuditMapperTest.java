package dev.watchfloor.ingest.normalize.vendor.identity;

import static dev.watchfloor.ingest.normalize.vendor.identity.Normalize.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class GitHubAuditMapperTest {

    @Test
    void gitCloneIsAReadByTheActorFromItsAddress() {
        NormalizedRecord r = Normalize.one("""
                {"@timestamp":1714633200123,"_document_id":"Xy7-doc","action":"git.clone","actor":"octo-dev",
                 "actor_id":5521,"actor_ip":"198.51.100.201","actor_location":{"country_code":"DE"},
                 "business":"fabrikam-ent","org":"fabrikam","org_id":9001,"repo":"fabrikam/billing-api",
                 "repository":"fabrikam/billing-api","repository_public":false,"transport_protocol_name":"http",
                 "user_agent":"git/2.44.0"}
                """);

        assertThat(r.source()).isEqualTo("github-audit");
        assertThat(at(r, "class_uid")).isEqualTo("6003");
        assertThat(at(r, "activity_id")).isEqualTo("2");
        assertThat(at(r, "actor.user.name")).isEqualTo("octo-dev");
        assertThat(at(r, "actor.user.uid")).isEqualTo("5521");
        assertThat(at(r, "actor.user.account.name")).isEqualTo("fabrikam");
        assertThat(at(r, "src_endpoint.ip")).isEqualTo("198.51.100.201");
        assertThat(at(r, "src_endpoint.location.country")).isEqualTo("DE");
        assertThat(at(r, "resources.0.name")).isEqualTo("fabrikam/billing-api");
        assertThat(at(r, "time")).isEqualTo("1714633200123");
        assertThat(at(r, "metadata.uid")).isEqualTo("Xy7-doc");
        assertThat(r.title()).isEqualTo("git.clone");
    }

    @Test
    void teamMembershipIsGroupManagementOfTheTeam() {
        NormalizedRecord r = Normalize.one("""
                {"@timestamp":1714633300000,"action":"team.remove_member","actor":"org-owner","org":"fabrikam",
                 "team":"fabrikam/platform","user":"former-dev","user_id":7788}
                """);

        assertThat(at(r, "class_uid")).isEqualTo("3006");
        assertThat(at(r, "activity_id")).isEqualTo("4");
        assertThat(at(r, "group.name")).isEqualTo("fabrikam/platform");
        assertThat(at(r, "user.name")).isEqualTo("former-dev");
        assertThat(at(r, "actor.user.name")).isEqualTo("org-owner");
    }

    @Test
    void ssoResponseIsAuthenticationAndIsoCreatedAtIsRead() {
        NormalizedRecord r = Normalize.one("""
                {"action":"org.sso_response","actor":"octo-dev","org":"fabrikam",
                 "created_at":"2024-05-02T07:01:02Z","issuer":"https://idp.fabrikam.example/saml",
                 "external_identity_nameid":"octo.dev@fabrikam.example"}
                """);

        assertThat(at(r, "class_uid")).isEqualTo("3002");
        assertThat(at(r, "activity_id")).isEqualTo("1");
        assertThat(at(r, "user.name")).isEqualTo("octo-dev");
        assertThat(at(r, "actor.user.email_addr")).isEqualTo("octo.dev@fabrikam.example");
        assertThat(at(r, "time")).isEqualTo("1714633262000");
    }

    @Test
    void repositoryDeletionIsADelete() {
        NormalizedRecord r = Normalize.one("""
                {"action":"repo.destroy","actor":"intern","repo":"fabrikam/legacy","created_at":1714633400000,
                 "org":"fabrikam"}
                """);

        assertThat(at(r, "activity_id")).isEqualTo("4");
        assertThat(at(r, "time")).isEqualTo("1714633400000");
    }

    @Test
    void recordsWithAnObjectActorAreNotGitHubs() {
        NormalizedRecord r = Normalize.one("""
                {"action":"user_login","actor":{"type":"user","user":{"name":"x"}},"org":"acme",
                 "date_create":1714633400}
                """);

        assertThat(r.source()).isNotEqualTo("github-audit");
    }
}
