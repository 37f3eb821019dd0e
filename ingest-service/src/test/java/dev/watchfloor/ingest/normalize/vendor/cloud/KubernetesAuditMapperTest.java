package dev.watchfloor.ingest.normalize.vendor.cloud;

import static dev.watchfloor.ingest.normalize.vendor.cloud.CloudFixtures.one;
import static dev.watchfloor.ingest.normalize.vendor.cloud.CloudFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class KubernetesAuditMapperTest {

    private static final String DELETE_FORBIDDEN = """
            {"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"7d1e0c52-3f7a-4b7e-9a0e-1c2d3e4f5a6b",
             "stage":"ResponseComplete","requestURI":"/api/v1/namespaces/payments/secrets/db-creds","verb":"delete",
             "user":{"username":"dev-intern","uid":"aws-iam-authenticator:210987654321:AROAEXAMPLEINTERN",
                     "groups":["developers","system:authenticated"],
                     "extra":{"accessKeyId":["ASIAEXAMPLEKEY"],"arn":["arn:aws:sts::210987654321:assumed-role/dev/intern"],
                              "sessionName":["intern"]}},
             "sourceIPs":["198.51.100.23"],"userAgent":"kubectl/v1.29.1 (linux/amd64)",
             "objectRef":{"resource":"secrets","namespace":"payments","name":"db-creds","apiVersion":"v1"},
             "responseStatus":{"metadata":{},"status":"Failure","reason":"Forbidden","code":403},
             "requestReceivedTimestamp":"2024-05-01T10:15:30.100000Z","stageTimestamp":"2024-05-01T10:15:30.250000Z",
             "annotations":{"authorization.k8s.io/decision":"forbid","authorization.k8s.io/reason":""}}
            """;

    @Test
    void aForbiddenDeleteOnEksIsAFailedApiDelete() {
        NormalizedRecord r = one(DELETE_FORBIDDEN);
        JsonNode e = r.body();
        assertThat(r.source()).isEqualTo("k8s-audit");
        assertThat(e.path("class_uid").asInt()).isEqualTo(6003);
        assertThat(e.path("activity_id").asInt()).isEqualTo(4);
        assertThat(e.path("status_id").asInt()).isEqualTo(2);
        assertThat(e.path("time").asLong()).isEqualTo(1714558530250L);
        assertThat(e.path("start_time").asLong()).isEqualTo(1714558530100L);
        assertThat(text(e, "actor.user.name")).isEqualTo("dev-intern");
        assertThat(text(e, "actor.user.groups.0.name")).isEqualTo("developers");
        assertThat(text(e, "actor.session.credential_uid")).isEqualTo("ASIAEXAMPLEKEY");
        assertThat(text(e, "src_endpoint.ip")).isEqualTo("198.51.100.23");
        assertThat(text(e, "resources.0.type")).isEqualTo("secrets");
        assertThat(text(e, "resources.0.namespace")).isEqualTo("payments");
        assertThat(text(e, "metadata.product.name")).isEqualTo("Amazon EKS");
        assertThat(text(e, "status_detail")).isEqualTo("Forbidden");
        assertThat(r.entities()).contains("user:dev-intern", "ip:198.51.100.23");
    }

    @Test
    void anAksResourceLogHoldsTheEventAsText() {
        NormalizedRecord r = one(
                """
                        {"records":[{"time":"2024-05-01T12:00:01Z","category":"kube-audit",
                         "resourceId":"/SUBSCRIPTIONS/0F1E2D3C-AAAA-BBBB-CCCC-123456789ABC/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/AKS1",
                         "operationName":"Microsoft.ContainerService/managedClusters/diagnosticLogs/Read",
                         "properties":{"log":"{\\"kind\\":\\"Event\\",\\"apiVersion\\":\\"audit.k8s.io/v1\\",\\"verb\\":\\"create\\",\\"user\\":{\\"username\\":\\"masterclient\\"},\\"sourceIPs\\":[\\"172.31.9.8\\"],\\"responseStatus\\":{\\"code\\":201},\\"stageTimestamp\\":\\"2024-05-01T12:00:00.5Z\\"}",
                           "stream":"stdout","pod":"kube-apiserver-7c9d"}}]}
                        """);
        assertThat(r.source()).isEqualTo("k8s-audit");
        assertThat(r.body().path("activity_id").asInt()).isEqualTo(1);
        assertThat(text(r.body(), "actor.user.name")).isEqualTo("masterclient");
        assertThat(text(r.body(), "src_endpoint.ip")).isEqualTo("172.31.9.8");
        assertThat(text(r.body(), "metadata.product.name")).isEqualTo("Azure Kubernetes Service");
        assertThat(text(r.body(), "cloud.account.uid")).isEqualTo("0F1E2D3C-AAAA-BBBB-CCCC-123456789ABC");
        assertThat(r.body().path("time").asLong()).isEqualTo(1714564800500L);
    }

    @Test
    void verbsMapToActivities() {
        assertThat(KubernetesAuditMapper.activity("create")).isEqualTo(1);
        assertThat(KubernetesAuditMapper.activity("watch")).isEqualTo(2);
        assertThat(KubernetesAuditMapper.activity("list")).isEqualTo(2);
        assertThat(KubernetesAuditMapper.activity("patch")).isEqualTo(3);
        assertThat(KubernetesAuditMapper.activity("deletecollection")).isEqualTo(4);
        assertThat(KubernetesAuditMapper.activity("proxy")).isEqualTo(99);
        assertThat(KubernetesAuditMapper.activity(null)).isEqualTo(99);
    }

    @Test
    void anotherClusterIsKubernetesAndASuccessfulRead() {
        NormalizedRecord r = one("""
                {"kind":"Event","apiVersion":"audit.k8s.io/v1","verb":"get","auditID":"a1",
                 "user":{"username":"system:serviceaccount:kube-system:coredns"},"sourceIPs":["10.4.0.12"],
                 "objectRef":{"resource":"configmaps","namespace":"kube-system","name":"coredns"},
                 "responseStatus":{"code":200},"stageTimestamp":"2024-05-01T11:00:00Z"}
                """);
        assertThat(r.body().path("activity_id").asInt()).isEqualTo(2);
        assertThat(r.body().path("status_id").asInt()).isEqualTo(1);
        assertThat(text(r.body(), "metadata.product.name")).isEqualTo("Kubernetes");
    }
}
