package dev.watchfloor.reasoning.pipeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/** Times each step of one investigation run and keeps the record for the investigation view. */
public final class StepTimer {

    public record Step(String name, String status, long latencyMs) {
    }

    private final List<Step> steps = new CopyOnWriteArrayList<>();

    <T> Uni<T> time(String name, Supplier<Uni<T>> step) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return step.get()
                    .onItem().invoke(ignored -> steps.add(new Step(name, "ok", elapsed(start))))
                    .onFailure().invoke(e -> steps.add(new Step(name, "failed", elapsed(start))));
        });
    }

    List<Step> steps() {
        return List.copyOf(steps);
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
