-- The model's answers for an investigation, by route, kept by the first attempt that got each (ModelRun as JSON): a
-- retried attempt (after a crash or a peer outage) reuses them instead of asking the model again, so the model is paid
-- for once and its usage recorded once. A rerun on request clears them and asks afresh.
ALTER TABLE investigations ADD COLUMN model_runs jsonb NOT NULL DEFAULT '{}'::jsonb;
