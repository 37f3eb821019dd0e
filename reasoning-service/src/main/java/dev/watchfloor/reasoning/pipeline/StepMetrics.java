package dev.watchfloor.reasoning.pipeline;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.watchfloor.reasoning.llm.ModelCallRecord;

/**
 * Prometheus metrics of investigation runs: duration and cost of each step, and tokens and cost of each model call, by
 * step, route or model, and tenant. Tenants are few per deployment; ids never become tags.
 */
@ApplicationScoped
public class StepMetrics {

    private final MeterRegistry registry;

    public StepMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void step(String step, String status, String tenant, String route, long nanos, double costUsd) {
        Timer.builder("watchfloor.investigation.step.duration").description("Duration of one investigation step")
                .tags("step", step, "status", status, "tenant", tenant, "route", route).publishPercentileHistogram()
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        if (costUsd > 0) {
            Counter.builder("watchfloor.investigation.step.cost.usd").description("Cost of investigation steps")
                    .tags("step", step, "tenant", tenant, "route", route).register(registry).increment(costUsd);
        }
    }

    void modelCall(String tenant, String route, ModelCallRecord call) {
        count("watchfloor.model.tokens", "input", tenant, route, call, call.inputTokens());
        count("watchfloor.model.tokens", "output", tenant, route, call, call.outputTokens());
        Counter.builder("watchfloor.model.cost.usd").description("Cost of model calls by the route's price table")
                .tags("model", call.model(), "tenant", tenant, "route", route).register(registry)
                .increment(call.costUsd());
        Counter.builder("watchfloor.model.calls").description("Model calls by outcome")
                .tags("model", call.model(), "tenant", tenant, "route", route, "outcome", call.outcome())
                .register(registry).increment();
    }

    private void count(String name, String direction, String tenant, String route, ModelCallRecord call, int n) {
        Counter.builder(name).description("Model tokens by direction")
                .tags("direction", direction, "model", call.model(), "tenant", tenant, "route", route, "step",
                        "model")
                .register(registry).increment(n);
    }
}
