package dev.watchfloor.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.specification.RequestSpecification;

import dev.watchfloor.launcher.ServiceSpec;

/** Every public endpoint answers bad input with a 4xx problem+json that says what is wrong, never a 500. */
@ExtendWith(Mesh.class)
class BadInputTest {

    private static final String RANDOM_ID = UUID.randomUUID().toString();
    private static final String OVERSIZED = "[" + "{\"title\":\"x\"},".repeat(800_000) + "{}]";

    static Stream<Arguments> badRequests() {
        return Stream.of(
                // records that cannot be read are quarantined in their place (202), never dropped
                post(ServiceSpec.INGEST, "/v1/alerts", "application/json", "{\"title\": \"unterminated", 202),
                post(ServiceSpec.INGEST, "/v1/alerts", "application/json", "[7]", 202),
                post(ServiceSpec.INGEST, "/v1/events", "application/json", "{,}", 202),
                post(ServiceSpec.INGEST, "/v1/events", "application/xml", "<e/>", 202),
                post(ServiceSpec.INGEST, "/v1/alerts", "text/html", "<p>title</p>", 415),
                post(ServiceSpec.INGEST, "/v1/alerts", "application/json", "", 400),
                post(ServiceSpec.INGEST, "/v1/alerts?source=no-such-parser", "application/json", "{}", 400),
                post(ServiceSpec.INGEST, "/v1/normalize?kind=sideways", "application/json", "{}", 400),
                get(ServiceSpec.INGEST, "/v1/alerts/" + RANDOM_ID, 404),
                get(ServiceSpec.INGEST, "/v1/events/not-an-id", 404),
                get(ServiceSpec.INGEST, "/v1/quarantine/" + RANDOM_ID, 404),
                get(ServiceSpec.INGEST, "/v1/quarantine?limit=0", 400),
                post(ServiceSpec.INGEST, "/v1/alerts", "application/json", OVERSIZED, 413),
                chunked(ServiceSpec.INGEST, "/v1/events", OVERSIZED, 413),
                get(ServiceSpec.INGEST, "/v1/nothing-here", 404),
                get(ServiceSpec.CONTEXT, "/v1/context/" + RANDOM_ID, 404),
                get(ServiceSpec.CONTEXT, "/v1/context/not-an-id", 404),
                get(ServiceSpec.CONTEXT, "/v1/context/" + RANDOM_ID + "?tokenBudget=-5", 400),
                get(ServiceSpec.REASONING, "/v1/investigations/" + RANDOM_ID, 404),
                get(ServiceSpec.REASONING, "/v1/investigations/42", 404),
                get(ServiceSpec.REASONING, "/v1/investigations?status=sideways", 400),
                get(ServiceSpec.REASONING, "/v1/investigations?limit=0", 400),
                get(ServiceSpec.ACTION, "/v1/actions/" + RANDOM_ID, 404),
                get(ServiceSpec.ACTION, "/v1/actions/not-an-id", 404),
                get(ServiceSpec.GOVERNANCE, "/v1/approvals/" + RANDOM_ID, 404),
                post(ServiceSpec.GOVERNANCE, "/v1/approvals/" + RANDOM_ID + "/decision", "application/json",
                        "{\"decision\":", 400),
                post(ServiceSpec.GOVERNANCE, "/v1/approvals/" + RANDOM_ID + "/decision", "text/plain", "approve",
                        415),
                post(ServiceSpec.GOVERNANCE, "/v1/approvals/" + RANDOM_ID + "/decision", "application/json",
                        "{\"decision\":\"approve\"}", 404),
                post(ServiceSpec.GOVERNANCE, "/v1/approvals/" + RANDOM_ID + "/decision", "application/json",
                        "{}", 400),
                get(ServiceSpec.GOVERNANCE, "/v1/audit?limit=100000", 400));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {4}")
    @MethodSource("badRequests")
    void answersWithProblemDetails(String service, String method, String path, RequestSpecification request,
            int status) {
        var response = request.baseUri(Api.url(service)).auth().oauth2(People.token(People.ADMIN)).when()
                .request(method, path).then().statusCode(status);
        if (status >= 400) {
            response.contentType("application/problem+json")
                    .body("status", both(greaterThanOrEqualTo(400)).and(lessThan(500)))
                    .body("title", notNullValue()).body("detail", notNullValue()).body("type", notNullValue());
        } else {
            response.body("results[0].status", org.hamcrest.Matchers.equalTo("quarantined"))
                    .body("results[0].reason", notNullValue()).body("results[0].offset", notNullValue());
        }
    }

    private static Arguments post(String service, String path, String contentType, String body, int status) {
        return Arguments.of(service, "POST", path, given().contentType(contentType).body(body), status);
    }

    /** A body streamed without Content-Length: the limit must still hold, and still answer problem+json. */
    private static Arguments chunked(String service, String path, String body, int status) {
        java.io.InputStream stream = new java.io.ByteArrayInputStream(body.getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        return Arguments.of(service, "POST", path, given().contentType("application/json").body(stream), status);
    }

    private static Arguments get(String service, String path, int status) {
        return Arguments.of(service, "GET", path, given(), status);
    }
}
