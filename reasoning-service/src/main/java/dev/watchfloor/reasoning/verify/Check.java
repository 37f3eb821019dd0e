package dev.watchfloor.reasoning.verify;

import dev.watchfloor.reasoning.investigator.Assessment;

/** One verification step: checks an assessment and answers it, possibly changed, with the step's result. */
interface Check {

    record Checked(Assessment assessment, CheckResult result) {
    }

    Checked apply(Assessment assessment, Grounds grounds);
}
