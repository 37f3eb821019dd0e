package dev.watchfloor.ingest.normalize.vendor.identity;

import static dev.watchfloor.ingest.normalize.vendor.identity.Normalize.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

/** GuardDuty native findings and Security Hub ASFF findings. */
class FindingMappersTest {

    private static final String GUARDDUTY = """
            {"schemaVersion":"2.0","accountId":"210987654321","region":"eu-west-1","partition":"aws",
             "id":"6ac7d1e2f3a4b5c6d7e8f9a0b1c2d3e4","arn":"arn:aws:guardduty:eu-west-1:210987654321:detector/0ab1/finding/6ac7",
             "type":"UnauthorizedAccess:EC2/SSHBruteForce","severity":%s,
             "createdAt":"2024-05-02T06:00:00.000Z","updatedAt":"2024-05-02T06:30:00.000Z",
             "title":"203.0.113.200 is performing SSH brute force attacks against i-0a1b2c3d4e5f60718.",
             "description":"An EC2 instance was the target of SSH brute force attempts.",
             "resource":{"resourceType":"Instance","instanceDetails":{"instanceId":"i-0a1b2c3d4e5f60718",
               "imageId":"ami-0abc","platform":"Linux","networkInterfaces":[{"privateIpAddress":"10.20.1.15",
               "privateDnsName":"ip-10-20-1-15.eu-west-1.compute.internal"}]}},
             "service":{"serviceName":"guardduty","detectorId":"0ab1","archived":false,"count":42,
               "eventFirstSeen":"2024-05-02T05:50:00.000Z","eventLastSeen":"2024-05-02T06:29:00.000Z",
               "action":{"actionType":"NETWORK_CONNECTION","networkConnectionAction":{"connectionDirection":"INBOUND",
                 "protocol":"TCP","blocked":false,"remoteIpDetails":{"ipAddressV4":"203.0.113.200"},
                 "remotePortDetails":{"port":51122},"localPortDetails":{"port":22},
                 "localIpDetails":{"ipAddressV4":"10.20.1.15"}}}}}
            """;

    @Test
    void guardDutyInboundBruteForceNamesAttackerInstanceAndSeverity() {
        NormalizedRecord r = Normalize.one(GUARDDUTY.formatted("5.0"));

        assertThat(r.source()).isEqualTo("guardduty");
        assertThat(at(r, "class_uid")).isEqualTo("2004");
        assertThat(at(r, "activity_id")).isEqualTo("2");
        assertThat(at(r, "severity_id")).isEqualTo("3");
        assertThat(at(r, "finding_info.analytic.name")).isEqualTo("UnauthorizedAccess:EC2/SSHBruteForce");
        assertThat(at(r, "finding_info.types.0")).isEqualTo("UnauthorizedAccess:EC2/SSHBruteForce");
        assertThat(at(r, "finding_info.uid")).isEqualTo("6ac7d1e2f3a4b5c6d7e8f9a0b1c2d3e4");
        assertThat(r.title()).startsWith("203.0.113.200 is performing SSH brute force");
        assertThat(at(r, "src_endpoint.ip")).isEqualTo("203.0.113.200");
        assertThat(at(r, "src_endpoint.port")).isEqualTo("51122");
        assertThat(at(r, "dst_endpoint.port")).isEqualTo("22");
        assertThat(at(r, "device.instance_uid")).isEqualTo("i-0a1b2c3d4e5f60718");
        assertThat(at(r, "device.ip")).isEqualTo("10.20.1.15");
        assertThat(at(r, "resources.0.uid")).isEqualTo("i-0a1b2c3d4e5f60718");
        assertThat(at(r, "time")).isEqualTo("1714631400000");
    }

    @Test
    void guardDutySeverityBands() {
        assertThat(Normalize.one(GUARDDUTY.formatted("2")).severityId()).isEqualTo(2);
        assertThat(Normalize.one(GUARDDUTY.formatted("3.9")).severityId()).isEqualTo(2);
        assertThat(Normalize.one(GUARDDUTY.formatted("7.0")).severityId()).isEqualTo(4);
        assertThat(Normalize.one(GUARDDUTY.formatted("8.9")).severityId()).isEqualTo(4);
        assertThat(Normalize.one(GUARDDUTY.formatted("9")).severityId()).isEqualTo(5);
        assertThat(Normalize.one(GUARDDUTY.formatted("\"6.5\"")).severityId()).isEqualTo(3);
        assertThat(Normalize.one(GUARDDUTY.formatted("\"high\"")).severityId()).isEqualTo(0);
    }

    @Test
    void guardDutyEventBridgeEventWithAccessKeyPrincipal() {
        NormalizedRecord r = Normalize.one("""
                {"version":"0","id":"c1","detail-type":"GuardDuty Finding","source":"aws.guardduty",
                 "account":"210987654321","time":"2024-05-02T06:40:00Z","region":"eu-west-1","resources":[],
                 "detail":{"schemaVersion":"2.0","accountId":"210987654321","region":"eu-west-1",
                  "id":"f1","arn":"arn:aws:guardduty:eu-west-1:210987654321:detector/0ab1/finding/f1",
                  "type":"UnauthorizedAccess:IAMUser/TorIPCaller","severity":9.5,
                  "createdAt":"2024-05-02T06:40:00Z","updatedAt":"2024-05-02T06:40:00Z","title":"Tor caller",
                  "resource":{"resourceType":"AccessKey","accessKeyDetails":{"accessKeyId":"AKIAEXAMPLE9",
                   "principalId":"AIDAEXAMPLE9","userName":"build-user","userType":"IAMUser"}},
                  "service":{"serviceName":"guardduty","archived":true,"action":{"actionType":"AWS_API_CALL",
                   "awsApiCallAction":{"api":"ListBuckets","serviceName":"s3.amazonaws.com",
                   "remoteIpDetails":{"ipAddressV4":"198.51.100.66"}}}}}}
                """);

        assertThat(r.source()).isEqualTo("guardduty");
        assertThat(at(r, "activity_id")).isEqualTo("3");
        assertThat(at(r, "severity_id")).isEqualTo("5");
        assertThat(at(r, "actor.user.name")).isEqualTo("build-user");
        assertThat(at(r, "actor.user.credential_uid")).isEqualTo("AKIAEXAMPLE9");
        assertThat(at(r, "src_endpoint.ip")).isEqualTo("198.51.100.66");
        assertThat(at(r, "api.operation")).isEqualTo("ListBuckets");
        assertThat(r.entities()).contains("user:build-user", "ip:198.51.100.66");
    }

    @Test
    void asffDetectionFindingWithNetworkAndResources() {
        NormalizedRecord r = Normalize.one("""
                {"SchemaVersion":"2018-10-08","Id":"arn:aws:securityhub:eu-west-1:210987654321:finding/1",
                 "ProductArn":"arn:aws:securityhub:eu-west-1::product/example/ids","ProductName":"Example IDS",
                 "CompanyName":"Example Corp","GeneratorId":"ids-rule-4711","AwsAccountId":"210987654321",
                 "Region":"eu-west-1","Types":["TTPs/Command and Control"],"CreatedAt":"2024-05-02T05:00:00Z",
                 "UpdatedAt":"2024-05-02T05:00:00Z","Severity":{"Label":"CRITICAL","Normalized":95},
                 "Title":"Beacon to known C2","Description":"Periodic beacon observed.",
                 "Network":{"Direction":"OUT","SourceIpV4":"10.20.1.15","SourcePort":49152,
                  "DestinationIpV4":"192.0.2.250","DestinationPort":443},
                 "Resources":[{"Type":"AwsEc2Instance","Id":"arn:aws:ec2:eu-west-1:210987654321:instance/i-0f",
                  "Region":"eu-west-1"}],"Workflow":{"Status":"NEW"},"RecordState":"ACTIVE"}
                """);

        assertThat(r.source()).isEqualTo("asff");
        assertThat(at(r, "class_uid")).isEqualTo("2004");
        assertThat(at(r, "activity_id")).isEqualTo("1");
        assertThat(at(r, "severity_id")).isEqualTo("5");
        assertThat(at(r, "status")).isEqualTo("New");
        assertThat(at(r, "metadata.product.name")).isEqualTo("Example IDS");
        assertThat(at(r, "metadata.product.vendor_name")).isEqualTo("Example Corp");
        assertThat(at(r, "finding_info.types.0")).isEqualTo("TTPs/Command and Control");
        assertThat(at(r, "src_endpoint.ip")).isEqualTo("10.20.1.15");
        assertThat(at(r, "dst_endpoint.port")).isEqualTo("443");
        assertThat(at(r, "resources.0.type")).isEqualTo("AwsEc2Instance");
    }

    @Test
    void asffComplianceFindingWithNormalizedSeverityAndArchivedState() {
        NormalizedRecord r = Normalize.one("""
                {"SchemaVersion":"2018-10-08","Id":"arn:aws:securityhub:eu-west-1:210987654321:subscription/cis/2",
                 "ProductArn":"arn:aws:securityhub:eu-west-1::product/aws/securityhub","ProductName":"Security Hub",
                 "CompanyName":"AWS","GeneratorId":"cis-aws-foundations-benchmark/v/1.4.0/1.4",
                 "AwsAccountId":"210987654321","CreatedAt":"2024-04-01T00:00:00Z","UpdatedAt":"2024-05-02T00:00:00Z",
                 "Severity":{"Normalized":70},"Title":"1.4 Ensure no root user access key exists",
                 "Compliance":{"Status":"FAILED","SecurityControlId":"IAM.4","RelatedRequirements":["CIS 1.4"],
                  "AssociatedStandards":[{"StandardsId":"standards/cis-aws-foundations-benchmark/v/1.4.0"}]},
                 "Resources":[{"Type":"AwsAccount","Id":"AWS::::Account:210987654321"}],"RecordState":"ARCHIVED",
                 "Workflow":{"Status":"RESOLVED"}}
                """);

        assertThat(at(r, "class_uid")).isEqualTo("2003");
        assertThat(at(r, "activity_id")).isEqualTo("3");
        assertThat(at(r, "severity_id")).isEqualTo("4");
        assertThat(at(r, "compliance.status_id")).isEqualTo("3");
        assertThat(at(r, "compliance.control")).isEqualTo("IAM.4");
        assertThat(at(r, "compliance.standards.0")).isEqualTo("standards/cis-aws-foundations-benchmark/v/1.4.0");
        assertThat(at(r, "status_id")).isEqualTo("4");
        assertThat(at(r, "time")).isEqualTo("1714608000000");
    }

    @Test
    void asffFindingInsideAnEventBridgeEventIsRead() {
        NormalizedRecord r = Normalize.one("""
                {"version":"0","id":"eb-1","detail-type":"Security Hub Findings - Imported","source":"aws.securityhub",
                 "account":"210987654321","time":"2024-05-02T05:10:00Z","region":"eu-west-1","resources":["arn:x"],
                 "detail":{"findings":[{"SchemaVersion":"2018-10-08","Id":"inspector-1","AwsAccountId":"210987654321",
                  "ProductArn":"arn:aws:securityhub:eu-west-1::product/aws/inspector","ProductName":"Inspector",
                  "CompanyName":"Amazon","GeneratorId":"AWSInspector","CreatedAt":"2024-05-02T05:00:00Z",
                  "UpdatedAt":"2024-05-02T05:09:00Z","Severity":{"Label":"HIGH"},"Title":"CVE-2024-0001 - openssl",
                  "Types":["Software and Configuration Checks/Vulnerabilities/CVE"],"Workflow":{"Status":"NEW"},
                  "RecordState":"ACTIVE"}]}}
                """);

        assertThat(r.source()).isEqualTo("asff");
        assertThat(at(r, "activity_id")).isEqualTo("2");
        assertThat(at(r, "severity_id")).isEqualTo("4");
        assertThat(at(r, "finding_info.uid")).isEqualTo("inspector-1");
        assertThat(at(r, "metadata.product.name")).isEqualTo("Inspector");
        assertThat(r.title()).isEqualTo("CVE-2024-0001 - openssl");
    }

    @Test
    void genericJsonAlertsAreNotClaimedByAnIdentityOrCloudMapper() {
        assertThat(Normalize.all("""
                {"title":"Suspicious login","user":"bob","src_ip":"192.0.2.1","severity":"high","id":"A-1"}
                {"title":"Blocked","action":"login.failed","actor":"bob","org":"acme","src_ip":"192.0.2.1"}
                {"title":"Raised","eventType":"alert.raised","published":"2024-05-02T00:00:00Z","user":"bob"}
                {"title":"Sign-in","createdDateTime":"2024-05-02T00:00:00Z","status":{"errorCode":1},"user":"bob"}
                {"Id":"x-1","AwsAccountId":"1","Title":"Finding","Severity":{"Label":"HIGH"}}
                {"id":"g-1","severity":8,"title":"Finding","type":"Recon:EC2/PortProbe"}
                """)).hasSize(6).allSatisfy(r -> assertThat(r.source()).isEqualTo("json"));
    }
}
