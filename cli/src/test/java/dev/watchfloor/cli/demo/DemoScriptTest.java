package dev.watchfloor.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The demo's steps against a stand-in speaking the services' REST shapes. */
class DemoScriptTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void followsEveryInvestigationReportsThemAndShowsTheWebhookOfTheApprovedAction() throws Exception {
        try (WebhookSink sink = WebhookSink.start(); FakeWatchfloor fake = new FakeWatchfloor(sink.url(), false)) {
            boolean allCompleted = new DemoScript(fake.clients(), sink, print()).run();

            assertThat(allCompleted).isTrue();
            assertThat(text())
                    .contains("loaded 41 sample events (41 accepted, 0 quarantined)")
                    .contains("submitted alert al-0  Brute force followed by successful login for alice.w")
                    .contains("running")
                    .contains("completed: malicious (confidence 0.90)")
                    .contains("context=12ms")
                    .contains("isolate_host ws-042: pending_approval, approval pending")
                    .contains("trace-inv-al-4")
                    .contains("approval ap-1 for isolate_host ws-042: approved")
                    .contains("webhook received at " + sink.url())
                    .contains("\"parameters\" : {");
        }
    }

    @Test
    void failedInvestigationMakesTheDemoFail() throws Exception {
        try (WebhookSink sink = WebhookSink.start(); FakeWatchfloor fake = new FakeWatchfloor(sink.url(), true)) {
            boolean allCompleted = new DemoScript(fake.clients(), sink, print()).run();

            assertThat(allCompleted).isFalse();
            assertThat(text()).contains("failed").contains("1 of 5 investigations failed or did not finish in time");
        }
    }

    private PrintStream print() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private String text() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
