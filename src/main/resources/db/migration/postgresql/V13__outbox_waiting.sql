-- A row is due only while no older row of its target waits for a later time (a back-off, a
-- Retry-After, a pause): this index finds such a row at once, per target, by time.
CREATE INDEX outbox_waiting ON outbox (target, next_attempt_at);
