package dev.watchfloor.ingest.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A mixed feed of the formats ingest reads, written for the benchmarks (no vendor sample is copied): generic JSON
 * alerts, Okta System Log, CloudTrail, Suricata EVE, Zeek conn, Windows event XML, sshd syslog, CEF, LEEF and FortiGate
 * key=value, in equal shares, with varying users, hosts, addresses and times so no two records are alike.
 */
public final class MixedCorpus {

    private MixedCorpus() {
    }

    /** The formats of the mix, in the order records cycle through them. */
    public static final List<String> KINDS = List.of("json-alert", "okta", "cloudtrail", "suricata", "zeek",
            "windows-xml", "sshd-syslog", "cef", "leef", "fortigate");

    /** {@code n} records, each as the bytes a client would send for it alone. */
    public static List<byte[]> records(int n, long seed) {
        return records(n, seed, "mix");
    }

    /** {@code n} records of one format of {@link #KINDS}, or of all in equal shares ({@code "mix"}). */
    public static List<byte[]> records(int n, long seed, String kind) {
        int only = KINDS.indexOf(kind);
        if (only < 0 && !kind.equals("mix")) {
            throw new IllegalArgumentException("unknown kind " + kind + "; known: mix, " + KINDS);
        }
        Random random = new Random(seed);
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(record(only < 0 ? i % 10 : only, i, random).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String record(int kind, int i, Random r) {
        String user = "user" + r.nextInt(5000);
        String host = "ws-" + r.nextInt(2000);
        String src = "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
        String dst = "198.51.100." + (1 + r.nextInt(254));
        int port = 1024 + r.nextInt(60000);
        long epoch = 1_795_000_000L + i;
        String iso = java.time.Instant.ofEpochSecond(epoch).toString();
        return switch (kind) {
            case 0 -> "{\"title\":\"Suspicious PowerShell on " + host + "\",\"severity\":\"high\",\"source\":\"edr\","
                    + "\"time\":\"" + iso + "\",\"host\":\"" + host + "\",\"user\":\"" + user + "\","
                    + "\"process_name\":\"powershell.exe\",\"command_line\":\"powershell -nop -enc SQBFAFgA\","
                    + "\"detection\":{\"name\":\"Encoded PowerShell\",\"technique\":\"T1059.001\"}}";
            case 1 -> "{\"uuid\":\"" + new java.util.UUID(r.nextLong(), r.nextLong()) + "\",\"published\":\"" + iso
                    + "\",\"eventType\":\"user.session.start\",\"version\":\"0\",\"severity\":\"INFO\","
                    + "\"displayMessage\":\"User login to Okta\",\"actor\":{\"id\":\"00u" + i + "\",\"type\":\"User\","
                    + "\"alternateId\":\"" + user + "@example.com\",\"displayName\":\"" + user + "\"},"
                    + "\"client\":{\"ipAddress\":\"" + dst + "\",\"userAgent\":{\"rawUserAgent\":\"Mozilla/5.0\"}},"
                    + "\"outcome\":{\"result\":\"SUCCESS\"},\"target\":[],\"transaction\":{\"type\":\"WEB\"}}";
            case 2 -> "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDA" + i
                    + "\",\"arn\":\"arn:aws:iam::123456789012:user/" + user + "\",\"accountId\":\"123456789012\","
                    + "\"userName\":\"" + user + "\"},\"eventTime\":\"" + iso + "\",\"eventSource\":"
                    + "\"s3.amazonaws.com\",\"eventName\":\"GetObject\",\"awsRegion\":\"eu-west-1\","
                    + "\"sourceIPAddress\":\"" + dst + "\",\"userAgent\":\"aws-cli/2.15\",\"requestParameters\":"
                    + "{\"bucketName\":\"logs\",\"key\":\"a/" + i + "\"},\"eventID\":\""
                    + new java.util.UUID(r.nextLong(), r.nextLong()) + "\",\"eventType\":\"AwsApiCall\","
                    + "\"recipientAccountId\":\"123456789012\"}";
            case 3 -> "{\"timestamp\":\"" + iso.replace("Z", ".123456+0000") + "\",\"flow_id\":" + r.nextLong()
                    + ",\"event_type\":\"alert\",\"src_ip\":\"" + src + "\",\"src_port\":" + port
                    + ",\"dest_ip\":\"" + dst + "\",\"dest_port\":443,\"proto\":\"TCP\",\"alert\":{\"action\":"
                    + "\"allowed\",\"gid\":1,\"signature_id\":2010935,\"rev\":3,\"signature\":\"ET POLICY "
                    + "Suspicious outbound\",\"category\":\"Potentially Bad Traffic\",\"severity\":2}}";
            case 4 -> "{\"ts\":" + epoch + ".25,\"uid\":\"C" + Integer.toHexString(r.nextInt()) + "\",\"id.orig_h\":\""
                    + src + "\",\"id.orig_p\":" + port + ",\"id.resp_h\":\"" + dst + "\",\"id.resp_p\":443,"
                    + "\"proto\":\"tcp\",\"service\":\"ssl\",\"duration\":1.5,\"orig_bytes\":517,\"resp_bytes\":4120,"
                    + "\"conn_state\":\"SF\",\"history\":\"ShADadFf\"}";
            case 5 -> "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider "
                    + "Name=\"Microsoft-Windows-Security-Auditing\"/><EventID>4625</EventID><TimeCreated SystemTime=\""
                    + iso + "\"/><Computer>" + host + ".corp.example</Computer></System><EventData>"
                    + "<Data Name=\"TargetUserName\">" + user + "</Data><Data Name=\"TargetDomainName\">CORP</Data>"
                    + "<Data Name=\"LogonType\">3</Data><Data Name=\"IpAddress\">" + src + "</Data>"
                    + "<Data Name=\"IpPort\">" + port + "</Data></EventData></Event>";
            case 6 -> "<38>Nov 28 03:04:" + String.format("%02d", i % 60) + " " + host + " sshd[" + (1000 + i % 9000)
                    + "]: Failed password for invalid user " + user + " from " + dst + " port " + port + " ssh2";
            case 7 -> "CEF:0|Acme|Sentinel|4.2|" + (100 + i % 50) + "|Malware blocked|8|rt=" + epoch * 1000 + " src="
                    + src + " spt=" + port + " dst=" + dst + " dpt=443 suser=" + user + " shost=" + host
                    + " act=blocked fname=invoice.js fileHash=" + Long.toHexString(r.nextLong()) + " msg=blocked "
                    + "download of a script";
            case 8 -> "LEEF:2.0|Acme|Gateway|1.0|login|^|devTime=" + epoch * 1000 + "^src=" + dst + "^usrName="
                    + user + "^sev=3^cat=authentication^proto=TCP";
            default -> "date=2026-11-28 time=03:04:05 devname=\"fw-" + (i % 4) + "\" devid=\"FG100F\" logid="
                    + "\"0000000013\" type=\"traffic\" subtype=\"forward\" level=\"notice\" srcip=" + src
                    + " srcport=" + port + " dstip=" + dst + " dstport=443 proto=6 action=\"accept\" policyid=12 "
                    + "service=\"HTTPS\" sentbyte=" + r.nextInt(100000) + " rcvdbyte=" + r.nextInt(100000);
        };
    }
}
