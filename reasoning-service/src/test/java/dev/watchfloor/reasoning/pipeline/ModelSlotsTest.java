package dev.watchfloor.reasoning.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;

class ModelSlotsTest {

    @Test
    void atMostTheLimitRunAtOnceAndTheOthersWaitTheirTurnInOrder() {
        ModelSlots slots = new ModelSlots(2);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        List<Integer> started = new CopyOnWriteArrayList<>();
        List<UniAssertSubscriber<String>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            CompletableFuture<String> answer = new CompletableFuture<>();
            answers.add(answer);
            results.add(slots.run(() -> {
                started.add(n);
                return Uni.createFrom().completionStage(answer);
            }).subscribe().withSubscriber(UniAssertSubscriber.create()));
        }

        assertThat(started).containsExactly(0, 1);
        assertThat(slots.waiting()).isEqualTo(3);

        answers.get(1).complete("one");
        assertThat(started).containsExactly(0, 1, 2);
        answers.get(0).completeExceptionally(new IllegalStateException("model down"));
        assertThat(started).as("a failure frees its slot too").containsExactly(0, 1, 2, 3);
        answers.get(2).complete("two");
        answers.get(3).complete("three");
        answers.get(4).complete("four");

        assertThat(started).containsExactly(0, 1, 2, 3, 4);
        results.get(0).assertFailedWith(IllegalStateException.class, "model down");
        results.get(1).assertItem("one");
        results.get(4).assertItem("four");
        assertThat(slots.used()).isZero();
        assertThat(slots.waiting()).isZero();
    }
}
