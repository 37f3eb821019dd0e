-- What the approval bound, as governance answered it when it was approved: action id, type, target and parameters
-- hash. The runner compares it with the action row immediately before executing, so an action altered after its
-- approval is failed instead of run.
ALTER TABLE actions ADD COLUMN approved_binding text NOT NULL DEFAULT '';
