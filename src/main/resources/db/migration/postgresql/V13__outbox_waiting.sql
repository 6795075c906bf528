-- A row is due only while no older unfinished row of its target waits for a later time (a
-- back-off, a Retry-After, a pause): this index finds such a row at once, per target, by time.
-- Finished rows stay out of it, so a long history costs nothing here.
CREATE INDEX outbox_waiting ON outbox (target, next_attempt_at)
    WHERE unconfirmed_since IS NULL AND status IN ('pending', 'sending');
