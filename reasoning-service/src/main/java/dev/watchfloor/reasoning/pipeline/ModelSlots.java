package dev.watchfloor.reasoning.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * How many investigations of this replica ask a model at the same time ({@code bulkhead-limit}); the others wait their
 * turn, first come first served, instead of failing. So a replica may run more investigations than it has model slots:
 * while some wait for the model, the others assemble, prepare, verify and propose, and the model slots stay busy. A
 * waiting investigation starts on its own Vert.x context, never on the one of the investigation that freed the slot.
 */
final class ModelSlots {

    private final int limit;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int used;

    ModelSlots(int limit) {
        this.limit = Math.max(1, limit);
    }

    /** Runs {@code work} once a slot is free, and frees the slot when it ends, however it ends. */
    <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = Vertx.currentContext();
            Runnable start = () -> {
                Runnable go = () -> work.get().onTermination().invoke(this::release).subscribe()
                        .with(emitter::complete, emitter::fail);
                if (context == null) {
                    go.run();
                } else {
                    context.runOnContext(ignored -> go.run());
                }
            };
            if (acquire(start)) {
                start.run();
            }
        });
    }

    /** True when a slot was free and is now taken; otherwise {@code start} runs when one is freed. */
    private synchronized boolean acquire(Runnable start) {
        if (used < limit) {
            used++;
            return true;
        }
        waiting.addLast(start);
        return false;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                used--;
            }
        }
        if (next != null) {
            next.run(); // the slot passes on to the next waiting investigation
        }
    }

    synchronized int waiting() {
        return waiting.size();
    }

    synchronized int used() {
        return used;
    }
}
