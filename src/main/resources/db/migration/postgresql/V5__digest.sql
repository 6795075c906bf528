-- Scheduled work that must happen once per period (RELIABILITY.md, promise 7). A run is claimed
-- by inserting its (job, period) in the same transaction as the outbox rows that carry it out, so
-- a crash after the claim still sends exactly once (the outbox does the rest) and a second run for
-- the same period finds the claim and does nothing. Quartz keeps its triggers in memory only.
-- The twin of sqlite/V5__digest.sql but for the identity column.
--   job:    what runs, and for whom: 'daily-digest:<channel>', 'weekly-digest:<channel>'
--   period: the period the run covers: '2026-11-22' (a local day), '2026-W47' (an ISO week)
CREATE TABLE scheduled_runs (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job        TEXT   NOT NULL,
    period     TEXT   NOT NULL,
    claimed_at BIGINT NOT NULL,
    CONSTRAINT scheduled_runs_once UNIQUE (job, period)
);

-- The digest's per-teammate table: claims and replies in a period, out of the audit log.
CREATE INDEX history_by_action ON history (action, at);

-- Still waiting, oldest first (conversations_queue orders by priority first).
CREATE INDEX conversations_waiting ON conversations (state, opened_at);

-- (conversations.opened_at, which every period query ranges over, is indexed since V1.)
