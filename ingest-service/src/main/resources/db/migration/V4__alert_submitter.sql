-- Who submitted each alert (the principal of the token on POST /v1/alerts). It travels to the ledger with the
-- alert.handed_off entry, where governance reads it to keep anyone from approving an action on an alert they submitted.
ALTER TABLE alerts ADD COLUMN submitted_by text NOT NULL DEFAULT '';
