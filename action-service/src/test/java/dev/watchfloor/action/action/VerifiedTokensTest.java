package dev.watchfloor.action.action;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.watchfloor.action.testing.GovernanceStandIn;
import dev.watchfloor.action.testing.WebhookReceiver;
import dev.watchfloor.commons.security.VerifiedTokens;
import dev.watchfloor.commons.testing.TestTokens;

/** A token validated once is answered from memory until it expires, and only that exact token. */
@QuarkusTest
@WithTestResource(value = GovernanceStandIn.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = WebhookReceiver.class, scope = TestResourceScope.MATCHING_RESOURCES)
class VerifiedTokensTest {

    @Inject
    VerifiedTokens verified;

    @Test
    void aValidatedTokenIsRememberedUntilItExpiresAndNoAlteredCopyRidesOnIt() {
        Instant expires = Instant.now().plusSeconds(4);
        String token = TestTokens.expiringAt(expires, "ana", "analyst");
        long before = verified.hits();

        list(token, 200);
        list(token, 200);
        list(token, 200);

        assertThat(verified.hits() - before).isEqualTo(2);
        // same header and claims, another signature: validated, and refused
        String forged = token.substring(0, token.lastIndexOf('.') + 1)
                + TestTokens.badSignature("ana", "analyst").substring(
                        TestTokens.badSignature("ana", "analyst").lastIndexOf('.') + 1);
        list(forged, 401);
        list(token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA"), 401);
        list(TestTokens.expired("ana", "analyst"), 401);

        // once its exp has passed the remembered token is validated again, and refused
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> status(token) == 401);
        list(token, 401);
    }

    private static int status(String token) {
        return given().auth().oauth2(token).queryParam("investigationId", "inv-none").when().get("/v1/actions")
                .then().extract().statusCode();
    }

    private static void list(String token, int status) {
        assertThat(status(token)).isEqualTo(status);
    }
}
