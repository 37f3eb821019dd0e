package dev.watchfloor.reasoning.verify;

import dev.watchfloor.reasoning.investigator.Assessment;
import dev.watchfloor.reasoning.investigator.Case;

/**
 * What an assessment is checked against: the case it was made from and, for a model's answer, the deterministic
 * investigator's assessment of the same case (null when the assessment is the deterministic one).
 */
public record Grounds(Case c, Assessment deterministic) {
}
