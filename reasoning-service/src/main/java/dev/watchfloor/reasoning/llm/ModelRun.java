package dev.watchfloor.reasoning.llm;

import java.util.List;

import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.verify.CheckResult;

/**
 * What the model path produced: the assessment (null when the path failed and the deterministic investigator must
 * answer), the structure and convergence results, every call made (billed even when the path failed), and the failure.
 */
public record ModelRun(Assessment assessment, List<CheckResult> checks, List<ModelCallRecord> calls, String failure,
        boolean cached) {

    public ModelRun {
        checks = List.copyOf(checks);
        calls = List.copyOf(calls);
    }

    public boolean failed() {
        return assessment == null;
    }

    public int inputTokens() {
        return calls.stream().mapToInt(ModelCallRecord::inputTokens).sum();
    }

    public int outputTokens() {
        return calls.stream().mapToInt(ModelCallRecord::outputTokens).sum();
    }

    public double costUsd() {
        return calls.stream().mapToDouble(ModelCallRecord::costUsd).sum();
    }
}
