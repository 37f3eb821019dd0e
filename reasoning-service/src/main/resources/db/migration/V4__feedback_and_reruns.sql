-- Analysts' judgement of verdicts, for accuracy tracking: one row per judgement (a later one supersedes an earlier one
-- in the view, all are kept). The path says which investigator the judged verdict came from.
CREATE TABLE investigation_feedback (
    id                bigserial   PRIMARY KEY,
    tenant            text        NOT NULL,
    investigation_id  uuid        NOT NULL REFERENCES investigations (id),
    judged_verdict    text        NOT NULL,
    correct_verdict   text        NOT NULL,
    agreed            boolean     NOT NULL,
    path              text        NOT NULL DEFAULT '',
    comment           text        NOT NULL DEFAULT '',
    given_by          text        NOT NULL,
    given_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX investigation_feedback_by_investigation ON investigation_feedback (tenant, investigation_id, given_at DESC);

-- How often an investigation was run again on request.
ALTER TABLE investigations ADD COLUMN reruns integer NOT NULL DEFAULT 0;
