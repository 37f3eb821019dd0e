package dev.watchfloor.ingest.normalize.vendor.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.watchfloor.ingest.normalize.NormalizedRecord;
import dev.watchfloor.ingest.normalize.format.Piece;
import dev.watchfloor.ingest.normalize.format.RecordReader;

/** Odd and hostile lines through every text mapper, detected and forced: an event or a quarantine, never a throw. */
class HostileInputTest {

    private static final String[] SOURCES = {"cisco-asa", "cisco-ios", "panos", "fortigate", "linux-auth", "cef",
            "leef", "silk"};

    @ParameterizedTest
    @ValueSource(strings = {"<13>", "CEF:", "LEEF:", "LEEF:2.0|a|b|c|d|xZZ|", "%ASA-6-302013:",
            "%ASA-6-302013: Built inbound TCP connection x for a:b/c to d:e/f", "%ASA-4-733100: [",
            "Nov 28 00:00:00 h sshd[1]: Accepted password for  from  port  ssh2",
            "Nov 28 00:00:00 h sudo: x : TTY=", "1,2026/11/28 00:00:00,x,THREAT,url", "1,2026/11/28 00:00:00,x,CONFIG",
            "logid=1 type=utm subtype=ips devid=x eventtime=99999999999999999999999 srcport=99999999",
            "CEF:0|a|b|c|d|e|f|src=999.999.1.1 spt=-1 rt=notatime fsize=abc fileHash=zz",
            "LEEF:2.0|a|b|c|d|x7C|devTime=12|devTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSZZZZZZ|sev=99|srcPort=70000",
            "LEEF:2.0|a|b|c|d|0xD800|k=v", "sIP|dIP|sPort|\n|||\n||||||\n", "sIP,dIP,sTime,eTime,duration\n"
                    + "1,2,2024/13/45T99:99:99.999,-1,99999999999999999999\n",
            "sIP|dIP|sPort|dPort|flags\n340282366920938463463374607431768211456|0|65536|-1|FSRPAUECX\n"})
    void oddLinesNormalizeDetectedAndForced(String line) {
        for (Piece p : Fixtures.read(line)) {
            if (p.isQuarantined()) {
                continue;
            }
            assertThat(Fixtures.NORMALIZER.normalize(p.parsed(), null, false, Fixtures.RECEIVED).body()
                    .path("class_uid").isInt()).isTrue();
            for (String source : SOURCES) {
                NormalizedRecord r = Fixtures.NORMALIZER.normalize(p.parsed(), source, true, Fixtures.RECEIVED);
                assertThat(r.body().path("class_uid").isInt()).as(source + " on " + line).isTrue();
            }
        }
    }

    @Test
    void randomBytesAndHugeLinesThroughEveryMapper() {
        Random random = new Random(11);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            body.append(new String(bytes, StandardCharsets.ISO_8859_1).replace('\n', ' ')).append('\n');
        }
        body.append("%ASA-6-302013: Built inbound TCP connection 1 for ").append("a:1.1.1.1/1 ".repeat(20_000))
                .append('\n');
        body.append("Nov 28 00:00:00 h sshd[1]: Failed password for ").append("x".repeat(100_000)).append('\n');
        body.append("1,2026/11/28 00:00:00,x,TRAFFIC,").append(",".repeat(100_000)).append('\n');
        long start = System.nanoTime();
        for (Piece p : new RecordReader(65_536, 100_000).read(body.toString().getBytes(StandardCharsets.UTF_8),
                RecordReader.Hint.DETECT)) {
            if (p.isQuarantined()) {
                continue;
            }
            Fixtures.NORMALIZER.normalize(p.parsed(), null, false, Fixtures.RECEIVED);
            for (String source : SOURCES) {
                Fixtures.NORMALIZER.normalize(p.parsed(), source, false, Fixtures.RECEIVED);
            }
        }
        assertThat(System.nanoTime() - start).as("no pathological slowness").isLessThan(20_000_000_000L);
    }
}
