package dev.watchfloor.reasoning.pipeline;

import java.util.List;

import dev.watchfloor.reasoning.investigator.Case;

/**
 * One alert of the injection corpus: the case as reasoning would see it, where the instruction was planted and how it
 * was encoded, and what the attacker wants (a verdict, and an action on an entity of their choosing).
 */
record PoisonedAlert(int index, Case c, String field, String encoding, String wantedVerdict, String wantedAction,
        String wantedTarget, List<String> extracted) {
}
