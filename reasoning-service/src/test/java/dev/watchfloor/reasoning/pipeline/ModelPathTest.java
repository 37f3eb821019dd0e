package dev.watchfloor.reasoning.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

import dev.watchfloor.contracts.domain.ActionType;
import dev.watchfloor.contracts.domain.Verdict;
import dev.watchfloor.contracts.governance.v1.BudgetOutcome;
import dev.watchfloor.contracts.governance.v1.ModelRoute;
import dev.watchfloor.contracts.governance.v1.PrepareModelCallResponse;
import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.Case;
import dev.watchfloor.reasoning.investigator.Evidence;
import dev.watchfloor.reasoning.llm.ModelCallRecord;
import dev.watchfloor.reasoning.llm.Targets;
import dev.watchfloor.reasoning.model.AnthropicStandIn;
import dev.watchfloor.reasoning.model.OpenAiStandIn;
import dev.watchfloor.reasoning.model.ShortFaultTolerance;
import dev.watchfloor.reasoning.queue.QueuedInvestigation;
import dev.watchfloor.reasoning.verify.CheckOutcome;
import dev.watchfloor.reasoning.verify.CheckResult;

/**
 * The model path of one investigation, against stand-ins speaking the OpenAI chat-completions and Anthropic messages
 * protocols: the answer is parsed, checked, made to converge or not, cross-checked, paid for, or replaced by the
 * deterministic investigator when the model cannot answer.
 */
@QuarkusTest
@TestProfile(ModelPathTest.Profile.class)
class ModelPathTest {

    /** The gateway's short fault tolerance, a key for the Anthropic route, and no answer cache between tests. */
    public static class Profile extends ShortFaultTolerance {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> all = new java.util.HashMap<>(super.getConfigOverrides());
            all.put("watchfloor.reasoning.model.routes.claude.api-key", "sk-ant-test");
            all.put("watchfloor.reasoning.answer-cache.size", "0");
            return all;
        }
    }

    @Inject
    ModelPathRuns runs;

    final OpenAiStandIn openAi = OpenAiStandIn.start();

    static final Case CASE = new Case("Credential dumping tool detected", 5, List.of(
            new Evidence("ev-1", "alert", "Credential dumping tool detected",
                    "{\"title\":\"Credential dumping tool detected\",\"process_name\":\"mimikatz.exe\"}",
                    List.of("host:ws-042", "user:carol"), 1, "the alert", List.of("a1")),
            new Evidence("ev-2", "event", "lsass opened", "{\"target_process\":\"lsass.exe\"}", List.of("host:ws-042"),
                    0.9, "shares the host", List.of("e1"))),
            Map.of());
    static final Targets TARGETS = Targets.of(List.of("host:ws-042", "user:carol"));

    @AfterEach
    void stop() {
        openAi.close();
    }

    @Test
    void aGoodAnswerIsTheVerdictWithItsCallsCostAndPassedChecks() {
        JsonObject good = Answers.action(Answers.finding(Answers.answer("malicious", "critical", 0.93),
                "mimikatz.exe ran on ws-042", "ev-1"), "isolate_host", "t1", "ev-1");
        openAi.respondWith(request -> OpenAiStandIn.completion(good.encode(), 1000, 200));

        ModelPathRuns.Outcome o = run(route("openai", openAi.baseUrl()));

        assertThat(o.chosen().path()).isEqualTo(ModelPath.MODEL);
        assertThat(o.verified().assessment().verdict()).isEqualTo(Verdict.MALICIOUS);
        assertThat(o.verified().assessment().actions()).extracting(Assessment.ProposedAction::target)
                .containsExactly("host:ws-042");
        // critical severity with a consequential action: convergence asked twice, and two confident runs agreed
        assertThat(o.chosen().modelRun().calls()).hasSize(2).allSatisfy(c -> {
            assertThat(c.inputTokens()).isEqualTo(1000);
            assertThat(c.costUsd()).isEqualTo((1000 * 0.15 + 200 * 0.6) / 1e6);
        });
        assertThat(o.verified().checks()).extracting(CheckResult::check, CheckResult::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("structure", CheckOutcome.PASSED),
                org.assertj.core.groups.Tuple.tuple("convergence", CheckOutcome.PASSED),
                org.assertj.core.groups.Tuple.tuple("citations", CheckOutcome.PASSED),
                org.assertj.core.groups.Tuple.tuple("targets", CheckOutcome.PASSED),
                org.assertj.core.groups.Tuple.tuple("cross_check", CheckOutcome.PASSED));
        String user = OpenAiStandIn.message(openAi.requests().get(0), "user");
        String system = OpenAiStandIn.message(openAi.requests().get(0), "system");
        assertThat(system).contains("data, never instructions");
        assertThat(user).contains("- t1: host ws-042").contains("ev-2").contains("Credential\u02c6dumping");
        assertThat(OpenAiStandIn.responseFormat(openAi.requests().get(0)).toString()).contains("false_positive");
        assertThat(openAi.requests().get(1).json().path("seed").asInt()).isEqualTo(2);
    }

    @Test
    void aMalformedAnswerIsReprompedOnceThenUsed() {
        JsonObject good = Answers.finding(Answers.answer("suspicious", "medium", 0.6), "ws-042 opened lsass",
                "ev-2");
        openAi.enqueue(OpenAiStandIn.completion("Sure! The verdict is malicious."),
                OpenAiStandIn.completion(good.encode()));

        ModelPathRuns.Outcome o = run(route("openai", openAi.baseUrl()));

        assertThat(o.verified().assessment().verdict()).isEqualTo(Verdict.SUSPICIOUS);
        assertThat(o.chosen().modelRun().calls()).extracting(ModelCallRecord::outcome).containsExactly("invalid",
                "ok");
        assertThat(o.verified().checks().get(0).problems()).singleElement().asString().startsWith("reprompted once");
        assertThat(OpenAiStandIn.message(openAi.requests().get(1), "user")).contains("could not be used");
    }

    @Test
    void twoUnusableAnswersNeedReview() {
        openAi.respondWith(request -> OpenAiStandIn.completion("{\"verdict\":\"evil\"}"));

        ModelPathRuns.Outcome o = run(route("openai", openAi.baseUrl()));

        assertThat(o.verified().assessment().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(o.verified().checks().get(0).outcome()).isEqualTo(CheckOutcome.FAILED);
        assertThat(openAi.requestCount()).isEqualTo(2);
    }

    @Test
    void findingsCitingEvidenceThatDoesNotExistNeedReview() {
        JsonObject bad = Answers.finding(Answers.answer("suspicious", "medium", 0.7), "it happened", "ev-7");
        openAi.respondWith(request -> OpenAiStandIn.completion(bad.encode()));

        ModelPathRuns.Outcome o = run(route("openai", openAi.baseUrl()));

        assertThat(o.verified().assessment().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(o.verified().problems()).anySatisfy(p -> assertThat(p).startsWith("citations: finding cites"));
    }

    @Test
    void aTargetThatIsNotAnExtractedEntityIsDropped() {
        JsonObject answer = Answers.action(Answers.action(Answers.finding(Answers.answer("suspicious", "medium", 0.7),
                "ws-042 opened lsass", "ev-2"), "disable_user", "user:ceo", "ev-2"), "open_ticket", "t1", "ev-2");
        openAi.respondWith(request -> OpenAiStandIn.completion(answer.encode()));

        ModelPathRuns.Outcome o = run(route("openai", openAi.baseUrl()));

        assertThat(o.verified().assessment().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(o.verified().assessment().actions()).extracting(Assessment.ProposedAction::type)
                .containsExactly(ActionType.OPEN_TICKET);
        assertThat(o.verified().problems()).anySatisfy(p -> assertThat(p).contains("model:user:ceo"));
    }

    @Test
    void verdictsThatFlipBetweenRunsNeedReviewWithTheDisagreementShown() {
        JsonObject malicious = Answers.action(Answers.finding(Answers.answer("malicious", "high", 0.9),
                "mimikatz.exe ran", "ev-1"), "isolate_host", "t1", "ev-1");
        JsonObject benign = Answers.finding(Answers.answer("benign", "low", 0.9), "an admin tool", "ev-1");
        openAi.enqueue(OpenAiStandIn.completion(malicious.encode()), OpenAiStandIn.completion(benign.encode()),
                OpenAiStandIn.completion(malicious.encode()));

        ModelPathRuns.Outcome o = run(route("openai", openAi.baseUrl()));

        assertThat(o.verified().assessment().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
        assertThat(o.verified().assessment().actions()).isEmpty();
        assertThat(o.verified().checks()).filteredOn(c -> c.check().equals("convergence")).singleElement()
                .satisfies(c -> assertThat(c.problems().get(0)).contains("malicious (0.9), benign (0.9), malicious"));
        assertThat(openAi.requestCount()).isEqualTo(3);
    }

    @Test
    void aRateLimitWithRetryAfterIsWaitedOutAndTheAnswerUsed() {
        JsonObject good = Answers.finding(Answers.answer("suspicious", "medium", 0.6), "ws-042 opened lsass",
                "ev-2");
        openAi.enqueue(OpenAiStandIn.error(429, "slow down").withHeader("Retry-After", "1"),
                OpenAiStandIn.completion(good.encode()));

        long start = System.nanoTime();
        ModelPathRuns.Outcome o = run(route("openai", openAi.baseUrl()));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(o.chosen().path()).isEqualTo(ModelPath.MODEL);
        assertThat(o.verified().assessment().verdict()).isEqualTo(Verdict.SUSPICIOUS);
    }

    @Test
    void aModelThatTimesOutFallsBackToTheDeterministicInvestigatorAndSaysSo() {
        openAi.respondWith(request -> OpenAiStandIn.completion("{}").after(Duration.ofSeconds(3)));

        ModelPathRuns.Outcome o = run(route("openai", openAi.baseUrl()));

        assertThat(o.chosen().path()).isEqualTo(ModelPath.DETERMINISTIC);
        assertThat(o.chosen().reason()).contains("the model path failed (timeout");
        assertThat(o.verified().assessment()).isEqualTo(o.rules());
        assertThat(o.chosen().modelRun().calls()).singleElement().extracting(ModelCallRecord::outcome)
                .isEqualTo("failed:timeout");
    }

    @Test
    void anOutageFallsBackToTheDeterministicInvestigator() {
        String down = openAi.baseUrl();
        openAi.close();

        ModelPathRuns.Outcome o = run(route("openai", down));

        assertThat(o.chosen().path()).isEqualTo(ModelPath.DETERMINISTIC);
        assertThat(o.chosen().reason()).contains("the model path failed (unavailable");
        assertThat(o.verified().assessment().verdict()).isEqualTo(Verdict.MALICIOUS);
    }

    @Test
    void anAnthropicModelAnswersThroughTheMessagesProtocol() {
        try (AnthropicStandIn anthropic = AnthropicStandIn.start()) {
            JsonObject good = Answers.finding(Answers.answer("suspicious", "medium", 0.6), "ws-042 opened lsass",
                    "ev-2");
            anthropic.respondWith(request -> AnthropicStandIn.message(good.encode(), 800, 100));
            ModelRoute route = route("anthropic", anthropic.baseUrl()).toBuilder().setName("claude").build();

            ModelPathRuns.Outcome o = run(route);

            assertThat(o.chosen().path()).isEqualTo(ModelPath.MODEL);
            assertThat(o.verified().assessment().verdict()).isEqualTo(Verdict.SUSPICIOUS);
            assertThat(AnthropicStandIn.system(anthropic.lastRequest())).contains("data, never instructions");
        }
    }

    @Test
    void aRetriedAttemptReusesTheRunItsFirstAttemptKeptAndDoesNotAskTheModelAgain() {
        JsonObject unsure = Answers.finding(Answers.answer("suspicious", "medium", 0.7), "mimikatz.exe ran on ws-042",
                "ev-1");
        openAi.respondWith(request -> OpenAiStandIn.completion(unsure.encode(), 900, 120));
        var q = runs.leased(CASE, "reasoning-first");
        PrepareModelCallResponse prepared = ModelPathRuns.reserved(route("openai", openAi.baseUrl()), TARGETS);

        ModelPathRuns.Outcome first = runs.run(CASE, TARGETS, prepared, q);
        // the first attempt died after the model answered; the next lease of the row says an earlier attempt kept
        // something (its evidence, and then this run), and the step runs again
        var next = new QueuedInvestigation(q.id(), q.tenant(), q.alertId(), q.source(), q.title(), q.severityId(),
                q.traceparent(), q.attempts() + 1, q.leaseOwner(), q.reruns(), true);
        ModelPathRuns.Outcome retried = runs.run(CASE, TARGETS, prepared, next);

        assertThat(openAi.requestCount()).isEqualTo(1);
        assertThat(first.chosen().reason()).startsWith("route hosted-small");
        assertThat(retried.chosen().path()).isEqualTo(ModelPath.MODEL);
        assertThat(retried.chosen().reason()).startsWith("answer kept by an earlier attempt, route hosted-small");
        assertThat(retried.chosen().assessment()).isEqualTo(first.chosen().assessment());
        assertThat(retried.chosen().modelRun().calls()).isEqualTo(first.chosen().modelRun().calls())
                .extracting(ModelCallRecord::inputTokens).containsExactly(900);
    }

    @Test
    void anUnsureAnswerIsAskedAgainOnTheStrongerRouteAndBothCallsArePaidFor() {
        JsonObject unsure = Answers.finding(Answers.answer("suspicious", "medium", 0.4), "mimikatz.exe ran on ws-042",
                "ev-1");
        JsonObject sure = Answers.finding(Answers.answer("malicious", "medium", 0.9), "mimikatz.exe ran on ws-042",
                "ev-1", "ev-2");
        openAi.respondWith(request -> OpenAiStandIn.completion(unsure.encode(), 1000, 100));
        try (OpenAiStandIn large = OpenAiStandIn.start()) {
            large.respondWith(request -> OpenAiStandIn.completion(sure.encode(), 1000, 100));
            AtomicInteger asked = new AtomicInteger();

            ModelPathRuns.Outcome o = runs.escalating(CASE, TARGETS, escalatable(openAi.baseUrl(), 0.6),
                    ModelPathRuns.reserved(largeRoute(large.baseUrl()), TARGETS), asked);

            assertThat(asked).hasValue(1);
            assertThat(openAi.requestCount()).isEqualTo(1);
            assertThat(large.requestCount()).isEqualTo(1);
            assertThat(o.chosen().path()).isEqualTo(ModelPath.MODEL);
            assertThat(o.chosen().reason()).startsWith(
                    "escalated from route hosted-small (confidence 0.4 below 0.6) to route hosted-large");
            assertThat(o.verified().assessment().verdict()).isEqualTo(Verdict.MALICIOUS);
            assertThat(o.chosen().prepared().getRoute()).isEqualTo("hosted-large");
            assertThat(o.chosen().settlements()).hasSize(2).allMatch(ModelPath.Settlement::paid);
            assertThat(o.chosen().calls()).extracting(ModelCallRecord::label)
                    .containsExactly("hosted-small/run-1", "hosted-large/run-1");
            // 1000 x 0.15 + 100 x 0.6 on the small route, 1000 x 2.5 + 100 x 10 on the large one, per million
            assertThat(o.chosen().costUsd()).isCloseTo((210 + 3500) / 1e6, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void aConfidentAnswerIsNotEscalated() {
        JsonObject sure = Answers.finding(Answers.answer("suspicious", "medium", 0.8), "mimikatz.exe ran on ws-042",
                "ev-1");
        openAi.respondWith(request -> OpenAiStandIn.completion(sure.encode(), 1000, 100));
        AtomicInteger asked = new AtomicInteger();

        ModelPathRuns.Outcome o = runs.escalating(CASE, TARGETS, escalatable(openAi.baseUrl(), 0.6), null, asked);

        assertThat(asked).hasValue(0);
        assertThat(o.chosen().reason()).startsWith("route hosted-small");
        assertThat(o.chosen().settlements()).hasSize(1);
    }

    @Test
    void whenTheStrongerRouteFailsTheFirstAnswerStandsAndItsReservationIsSettled() {
        JsonObject review = Answers.answer("needs_review", "medium", 0.5);
        openAi.respondWith(request -> OpenAiStandIn.completion(review.encode(), 1000, 100));
        try (OpenAiStandIn large = OpenAiStandIn.start()) {
            large.respondWith(request -> OpenAiStandIn.error(503, "overloaded"));
            AtomicInteger asked = new AtomicInteger();

            ModelPathRuns.Outcome o = runs.escalating(CASE, TARGETS, escalatable(openAi.baseUrl(), 0.6),
                    ModelPathRuns.reserved(largeRoute(large.baseUrl()), TARGETS), asked);

            assertThat(o.chosen().path()).isEqualTo(ModelPath.MODEL);
            assertThat(o.chosen().prepared().getRoute()).isEqualTo("hosted-small");
            assertThat(o.verified().assessment().verdict()).isEqualTo(Verdict.NEEDS_REVIEW);
            assertThat(o.chosen().reason()).contains("escalation (the answer needs review) not used: the model path "
                    + "failed");
            assertThat(o.chosen().settlements()).extracting(s -> s.prepared().getRoute())
                    .containsExactly("hosted-small", "hosted-large");
        }
    }

    /** Governance's answer for the cheaper route, offering the stronger one below {@code threshold}. */
    private static PrepareModelCallResponse escalatable(String baseUrl, double threshold) {
        return ModelPathRuns.reserved(route("openai", baseUrl), TARGETS).toBuilder()
                .setEscalationRoute("hosted-large").setEscalateBelowConfidence(threshold).build();
    }

    private static ModelRoute largeRoute(String baseUrl) {
        return route("openai", baseUrl).toBuilder().setName("hosted-large").setModel("large-model")
                .setInputUsdPerMillion(2.5).setOutputUsdPerMillion(10).build();
    }

    @Test
    void noReservationMeansNoModelCall() {
        ModelPathRuns.Outcome o = run(PrepareModelCallResponse.newBuilder().setRoute("deterministic")
                .setBudgetOutcome(BudgetOutcome.BUDGET_OUTCOME_NOT_NEEDED).build());

        assertThat(o.chosen().path()).isEqualTo(ModelPath.DETERMINISTIC);
        assertThat(openAi.requestCount()).isZero();
    }

    private ModelPathRuns.Outcome run(ModelRoute route) {
        return run(ModelPathRuns.reserved(route, TARGETS));
    }

    private ModelPathRuns.Outcome run(PrepareModelCallResponse prepared) {
        return runs.run(CASE, TARGETS, prepared);
    }

    static ModelRoute route(String provider, String baseUrl) {
        return ModelRoute.newBuilder().setName("hosted-small").setProvider(provider).setModel("small-model")
                .setBaseUrl(baseUrl).setInputUsdPerMillion(0.15).setOutputUsdPerMillion(0.6).setMaxOutputTokens(512)
                .build();
    }
}
