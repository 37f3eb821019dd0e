package dev.watchfloor.ingest.normalize.vendor.network;

import static dev.watchfloor.ingest.normalize.vendor.network.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.watchfloor.ingest.normalize.NormalizedRecord;

class LinuxAuthMapperTest {

    private static JsonNode event(String line) {
        NormalizedRecord r = Fixtures.normalize(line);
        assertThat(r.source()).isEqualTo("linux-auth");
        return r.body();
    }

    @Test
    void acceptedPublickeyIsASuccessfulLogonWithTheSyslogTimeAndHost() {
        JsonNode e = event("Nov 27 23:59:58 jump01 sshd[4120]: Accepted publickey for deploy from 192.0.2.44 port "
                + "50514 ssh2: ED25519 SHA256:abcdef");

        assertThat(at(e, "class_uid")).isEqualTo("3002");
        assertThat(at(e, "activity_id")).isEqualTo("1");
        assertThat(at(e, "status_id")).isEqualTo("1");
        assertThat(at(e, "user.name")).isEqualTo("deploy");
        assertThat(at(e, "src_endpoint.ip")).isEqualTo("192.0.2.44");
        assertThat(at(e, "src_endpoint.port")).isEqualTo("50514");
        assertThat(at(e, "auth_protocol")).isEqualTo("publickey");
        assertThat(at(e, "device.hostname")).isEqualTo("jump01");
        assertThat(at(e, "process.pid")).isEqualTo("4120");
        // received 2026-11-28T06:00Z: a November 27 time without a year is this year's
        assertThat(at(e, "time_dt")).isEqualTo("2026-11-27T23:59:58Z");
    }

    @Test
    void yearlessDecemberTimeReceivedInJanuaryIsLastYears() {
        NormalizedRecord r = Fixtures.NORMALIZER.normalize(Fixtures.parsed(
                "Dec 31 23:59:00 jump01 sshd[1]: Failed password for root from 192.0.2.1 port 1 ssh2"), null, false,
                java.time.Instant.parse("2027-01-01T00:01:00Z"));

        assertThat(at(r.body(), "time_dt")).isEqualTo("2026-12-31T23:59:00Z");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Failed password for invalid user oracle from 192.0.2.9 port 40022 ssh2 | 1 | 2 | oracle | 192.0.2.9",
            "Failed password for root from 192.0.2.9 port 40023 ssh2                 | 1 | 2 | root   | 192.0.2.9",
            "Failed none for invalid user test from 192.0.2.9 port 40024 ssh2        | 1 | 2 | test   | 192.0.2.9",
            "Invalid user admin from 192.0.2.10                                      | 1 | 2 | admin  | 192.0.2.10",
            "input_userauth_request: invalid user pi [preauth]                       | 1 | 2 | pi     | ",
            "message repeated 3 times: [ Failed password for root from 192.0.2.11 port 41000 ssh2] | 1 | 2 | root | 192.0.2.11",
            "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.12  user=git | 1 | 2 | git | 192.0.2.12",
            "pam_unix(sshd:auth): check pass; user unknown                           | 1 | 2 |        | ",
            "PAM 2 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=192.0.2.13  user=root | 1 | 2 | root | 192.0.2.13",
            "Disconnecting: Too many authentication failures for admin [preauth]     | 1 | 2 | admin  | ",
            "error: Received disconnect from 192.0.2.14: 3: com.example.Auth: Auth fail [preauth] | 1 | 2 | | 192.0.2.14",
            "Received disconnect from 192.0.2.15: 11: disconnected by user           | 2 | 1  |        | 192.0.2.15",
            "Connection closed by 192.0.2.16 [preauth]                               | 2 | 99 |        | 192.0.2.16",
            "Disconnected from user deploy 192.0.2.17 port 50515                     | 2 | 1  | deploy | 192.0.2.17",
            "pam_unix(sshd:session): session opened for user deploy by (uid=0)      | 1 | 1  | deploy | ",
            "pam_unix(sshd:session): session closed for user deploy                  | 2 | 1  | deploy | "})
    void sshdAuthenticationMessages(String message, String activity, String status, String user, String ip) {
        JsonNode e = event("Nov 28 01:02:03 jump01 sshd[77]: " + message);

        assertThat(at(e, "class_uid")).isEqualTo("3002");
        assertThat(at(e, "activity_id")).isEqualTo(activity);
        assertThat(at(e, "status_id")).isEqualTo(status);
        assertThat(at(e, "user.name")).isEqualTo(user);
        assertThat(at(e, "src_endpoint.ip")).isEqualTo(ip);
    }

    @Test
    void reverseMappingWarningKeepsTheHostAndAddress() {
        JsonNode e = event("Nov 28 01:02:03 jump01 sshd[78]: reverse mapping checking getaddrinfo for "
                + "host-7.example.test [192.0.2.70] failed - POSSIBLE BREAK-IN ATTEMPT!");

        assertThat(at(e, "class_uid")).isEqualTo("3002");
        assertThat(at(e, "src_endpoint.ip")).isEqualTo("192.0.2.70");
        assertThat(at(e, "src_endpoint.hostname")).isEqualTo("host-7.example.test");
        assertThat(at(e, "severity_id")).isEqualTo("3");
    }

    @Test
    void otherSshdLinesAreBaseEventsWithTheirMessage() {
        JsonNode e = event("Nov 28 01:02:03 jump01 sshd[79]: Did not receive identification string from 192.0.2.71");

        assertThat(at(e, "class_uid")).isEqualTo("0");
        assertThat(at(e, "message")).isEqualTo("Did not receive identification string from 192.0.2.71");
        assertThat(at(e, "src_endpoint.ip")).isEqualTo("192.0.2.71");
    }

    @Test
    void sudoCommandIsAProcessLaunchByTheInvokingUser() {
        JsonNode e = event("<85>Nov 28 02:00:00 app02 sudo[3141]:    carol : TTY=pts/1 ; PWD=/home/carol ; USER=root ; "
                + "COMMAND=/usr/bin/systemctl restart nginx");

        assertThat(at(e, "class_uid")).isEqualTo("1007");
        assertThat(at(e, "activity_id")).isEqualTo("1");
        assertThat(at(e, "actor.user.name")).isEqualTo("carol");
        assertThat(at(e, "process.user.name")).isEqualTo("root");
        assertThat(at(e, "process.cmd_line")).isEqualTo("/usr/bin/systemctl restart nginx");
        assertThat(at(e, "process.name")).isEqualTo("systemctl");
        assertThat(at(e, "process.file.path")).isEqualTo("/usr/bin/systemctl");
        assertThat(at(e, "device.hostname")).isEqualTo("app02");
        assertThat(at(e, "actor.process.pid")).isEqualTo("3141");
        assertThat(at(e, "process.pid")).isNull();
    }

    @Test
    void sudoFailuresAndRefusals() {
        JsonNode wrongPassword = event("Nov 28 02:00:01 app02 sudo: mallory : 3 incorrect password attempts ; "
                + "TTY=pts/2 ; PWD=/tmp ; USER=root ; COMMAND=/bin/bash");
        JsonNode notAllowed = event("Nov 28 02:00:02 app02 sudo: mallory : user NOT in sudoers ; TTY=pts/2 ; "
                + "PWD=/tmp ; USER=root ; COMMAND=/bin/cat /etc/shadow");
        JsonNode pam = event("Nov 28 02:00:03 app02 sudo: pam_unix(sudo:auth): authentication failure; "
                + "logname=mallory uid=1003 euid=0 tty=/dev/pts/2 ruser=mallory rhost=  user=mallory");
        JsonNode session = event("Nov 28 02:00:04 app02 sudo: pam_unix(sudo:session): session opened for user "
                + "root(uid=0) by carol(uid=1001)");

        assertThat(at(wrongPassword, "class_uid")).isEqualTo("3002");
        assertThat(at(wrongPassword, "status_id")).isEqualTo("2");
        assertThat(at(wrongPassword, "user.name")).isEqualTo("mallory");
        assertThat(at(notAllowed, "class_uid")).isEqualTo("1007");
        assertThat(at(notAllowed, "status_id")).isEqualTo("2");
        assertThat(at(notAllowed, "process.cmd_line")).isEqualTo("/bin/cat /etc/shadow");
        assertThat(at(pam, "status_id")).isEqualTo("2");
        assertThat(at(pam, "user.name")).isEqualTo("mallory");
        assertThat(at(session, "user.name")).isEqualTo("root");
        assertThat(at(session, "actor.user.name")).isEqualTo("carol");
    }

    @Test
    void pamSessionsOfOtherPrograms() {
        JsonNode cron = event("Nov 28 03:00:01 app02 CRON[7001]: pam_unix(cron:session): session opened for user "
                + "backup(uid=34) by (uid=0)");

        assertThat(at(cron, "class_uid")).isEqualTo("3002");
        assertThat(at(cron, "user.name")).isEqualTo("backup");
        assertThat(at(cron, "metadata.product.name")).isEqualTo("cron");
    }

    @Test
    void suAndLogind() {
        JsonNode su = event("Nov 28 02:10:00 app02 su[900]: (to root) carol on pts/1");
        JsonNode suFailed = event("Nov 28 02:10:01 app02 su[901]: FAILED SU (to root) mallory on pts/2");
        JsonNode logind = event("Nov 28 02:10:02 app02 systemd-logind[500]: New session 31 of user carol.");

        assertThat(at(su, "status_id")).isEqualTo("1");
        assertThat(at(su, "user.name")).isEqualTo("root");
        assertThat(at(su, "actor.user.name")).isEqualTo("carol");
        assertThat(at(suFailed, "status_id")).isEqualTo("2");
        assertThat(at(logind, "user.name")).isEqualTo("carol");
        assertThat(at(logind, "session.uid")).isEqualTo("31");
    }
}
