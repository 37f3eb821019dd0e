package dev.watchfloor.ingest.normalize.vendor.identity;

import static dev.watchfloor.ingest.normalize.vendor.identity.Normalize.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class CloudTrailMapperTest {

    private static final String LOG_FILE = """
            {"Records":[
             {"eventVersion":"1.09","userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLE7:ci-runner",
               "arn":"arn:aws:sts::210987654321:assumed-role/Deployer/ci-runner","accountId":"210987654321",
               "accessKeyId":"ASIAEXAMPLEKEY1","sessionContext":{"sessionIssuer":{"type":"Role",
               "arn":"arn:aws:iam::210987654321:role/Deployer","userName":"Deployer"},
               "attributes":{"creationDate":"2024-05-02T08:00:00Z","mfaAuthenticated":"false"}}},
              "eventTime":"2024-05-02T08:15:30Z","eventSource":"ec2.amazonaws.com","eventName":"DescribeInstances",
              "awsRegion":"eu-west-1","sourceIPAddress":"192.0.2.44","userAgent":"aws-cli/2.15.0",
              "requestParameters":{"instancesSet":{}},"responseElements":null,
              "requestID":"0d6c1f1e-1111-4a4a-9b9b-000000000001","eventID":"e0000000-0000-4000-8000-000000000001",
              "readOnly":true,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"210987654321",
              "eventCategory":"Management"},
             {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE2",
               "arn":"arn:aws:iam::210987654321:user/jdoe","accountId":"210987654321","userName":"jdoe"},
              "eventTime":"2024-05-02T08:16:00Z","eventSource":"s3.amazonaws.com","eventName":"DeleteBucket",
              "awsRegion":"eu-west-1","sourceIPAddress":"192.0.2.45","userAgent":"aws-sdk-go/1.50",
              "errorCode":"AccessDenied","errorMessage":"Access Denied",
              "requestParameters":{"bucketName":"payroll-exports"},"eventID":"e0000000-0000-4000-8000-000000000002",
              "resources":[{"ARN":"arn:aws:s3:::payroll-exports","accountId":"210987654321","type":"AWS::S3::Bucket"}],
              "eventType":"AwsApiCall","recipientAccountId":"210987654321"}
            ]}
            """;

    @Test
    void readsEachRecordOfALogFileAsApiActivityByVerb() {
        List<NormalizedRecord> records = Normalize.all(LOG_FILE);

        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.source()).isEqualTo("cloudtrail"));
        NormalizedRecord describe = records.get(0);
        assertThat(at(describe, "class_uid")).isEqualTo("6003");
        assertThat(at(describe, "activity_id")).isEqualTo("2");
        assertThat(at(describe, "status_id")).isEqualTo("1");
        assertThat(at(describe, "actor.user.name")).isEqualTo("ci-runner");
        assertThat(at(describe, "actor.user.uid"))
                .isEqualTo("arn:aws:sts::210987654321:assumed-role/Deployer/ci-runner");
        assertThat(at(describe, "actor.user.credential_uid")).isEqualTo("ASIAEXAMPLEKEY1");
        assertThat(at(describe, "actor.session.issuer")).isEqualTo("arn:aws:iam::210987654321:role/Deployer");
        assertThat(at(describe, "actor.session.is_mfa")).isEqualTo("false");
        assertThat(at(describe, "src_endpoint.ip")).isEqualTo("192.0.2.44");
        assertThat(at(describe, "cloud.region")).isEqualTo("eu-west-1");
        assertThat(at(describe, "cloud.account.uid")).isEqualTo("210987654321");
        assertThat(at(describe, "api.service.name")).isEqualTo("ec2.amazonaws.com");
        assertThat(at(describe, "time")).isEqualTo("1714637730000");
        assertThat(at(describe, "metadata.uid")).isEqualTo("e0000000-0000-4000-8000-000000000001");

        NormalizedRecord denied = records.get(1);
        assertThat(at(denied, "activity_id")).isEqualTo("4");
        assertThat(at(denied, "status_id")).isEqualTo("2");
        assertThat(at(denied, "status_code")).isEqualTo("AccessDenied");
        assertThat(at(denied, "actor.user.name")).isEqualTo("jdoe");
        assertThat(at(denied, "unmapped.requestParameters.bucketName")).isEqualTo("payroll-exports");
        assertThat(at(denied, "resources.0.uid")).isEqualTo("arn:aws:s3:::payroll-exports");
        assertThat(at(denied, "resources.0.type")).isEqualTo("AWS::S3::Bucket");
    }

    @Test
    void consoleLoginIsAuthenticationWithItsOutcome() {
        NormalizedRecord r = Normalize.one("""
                {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE3",
                 "arn":"arn:aws:iam::210987654321:user/ops.lead","accountId":"210987654321","userName":"ops.lead"},
                 "eventTime":"2024-05-02T07:59:59Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin",
                 "awsRegion":"us-east-1","sourceIPAddress":"203.0.113.77","userAgent":"Mozilla/5.0",
                 "errorMessage":"Failed authentication","requestParameters":null,
                 "responseElements":{"ConsoleLogin":"Failure"},
                 "additionalEventData":{"LoginTo":"https://console.aws.amazon.com/console/home","MFAUsed":"No"},
                 "eventID":"e3","eventType":"AwsConsoleSignIn","recipientAccountId":"210987654321"}
                """);

        assertThat(at(r, "class_uid")).isEqualTo("3002");
        assertThat(at(r, "activity_id")).isEqualTo("1");
        assertThat(at(r, "status_id")).isEqualTo("2");
        assertThat(at(r, "user.name")).isEqualTo("ops.lead");
        assertThat(at(r, "is_mfa")).isEqualTo("false");
        assertThat(at(r, "src_endpoint.ip")).isEqualTo("203.0.113.77");
    }

    @Test
    void iamUserAndGroupCallsAreAccountChangeAndGroupManagement() {
        List<NormalizedRecord> records = Normalize.all("""
                {"eventTime":"2024-05-02T09:00:00Z","eventSource":"iam.amazonaws.com","eventName":"CreateUser",
                 "userIdentity":{"type":"IAMUser","userName":"admin","arn":"arn:aws:iam::210987654321:user/admin"},
                 "sourceIPAddress":"192.0.2.10","requestParameters":{"userName":"backup-bot"},
                 "responseElements":{"user":{"userName":"backup-bot","userId":"AIDABACKUPBOT"}}}
                {"eventTime":"2024-05-02T09:00:05Z","eventSource":"iam.amazonaws.com","eventName":"AddUserToGroup",
                 "userIdentity":{"type":"IAMUser","userName":"admin"},"sourceIPAddress":"192.0.2.10",
                 "requestParameters":{"userName":"backup-bot","groupName":"Administrators"}}
                """);

        assertThat(records).hasSize(2);
        assertThat(at(records.get(0), "class_uid")).isEqualTo("3001");
        assertThat(at(records.get(0), "activity_id")).isEqualTo("1");
        assertThat(at(records.get(0), "user.name")).isEqualTo("backup-bot");
        assertThat(at(records.get(0), "user.uid")).isEqualTo("AIDABACKUPBOT");
        assertThat(at(records.get(1), "class_uid")).isEqualTo("3006");
        assertThat(at(records.get(1), "activity_id")).isEqualTo("3");
        assertThat(at(records.get(1), "group.name")).isEqualTo("Administrators");
        assertThat(at(records.get(1), "actor.user.name")).isEqualTo("admin");
    }

    @Test
    void serviceCallerIsADomainNotAnAddressAndEventBridgeDetailIsRead() {
        NormalizedRecord r = Normalize.one("""
                {"version":"0","id":"5b1f","detail-type":"AWS API Call via CloudTrail","source":"aws.kms",
                 "account":"210987654321","time":"2024-05-02T09:10:00Z","region":"eu-west-1","resources":[],
                 "detail":{"eventVersion":"1.09","userIdentity":{"type":"AWSService","invokedBy":"s3.amazonaws.com"},
                  "eventTime":"2024-05-02T09:10:00Z","eventSource":"kms.amazonaws.com","eventName":"GenerateDataKey",
                  "awsRegion":"eu-west-1","sourceIPAddress":"s3.amazonaws.com","eventID":"e5"}}
                """);

        assertThat(r.source()).isEqualTo("cloudtrail");
        assertThat(at(r, "class_uid")).isEqualTo("6003");
        assertThat(at(r, "activity_id")).isEqualTo("99");
        assertThat(at(r, "src_endpoint.ip")).isNull();
        assertThat(at(r, "src_endpoint.domain")).isEqualTo("s3.amazonaws.com");
        assertThat(at(r, "actor.invoked_by")).isEqualTo("s3.amazonaws.com");
        assertThat(at(r, "metadata.uid")).isEqualTo("e5");
    }

    @Test
    void readsRecordsWhoseTopLevelKeysWereLowerCased() {
        NormalizedRecord r = Normalize.one("""
                {"eventsource":"dynamodb.amazonaws.com","eventname":"GetItem","eventtime":"2024-05-02 09:20:00",
                 "awsregion":"eu-west-1","useridentity":{"type":"IAMUser","userName":"reporter"},
                 "sourceipaddress":"192.0.2.99"}
                """);

        assertThat(r.source()).isEqualTo("cloudtrail");
        assertThat(at(r, "activity_id")).isEqualTo("2");
        assertThat(at(r, "actor.user.name")).isEqualTo("reporter");
        assertThat(at(r, "src_endpoint.ip")).isEqualTo("192.0.2.99");
        assertThat(at(r, "cloud.region")).isEqualTo("eu-west-1");
    }
}
