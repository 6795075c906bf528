-- Follow-through: nudges sent, follow-ups, hand-set on-call shifts. Same conventions as V1
-- (instants as BIGINT epoch milliseconds); the twin of sqlite/V2__followthrough.sql but for the identity columns.

-- Each nudge step goes out once per conversation: the unique key, written in the same
-- transaction as the outbox row of the nudge, makes a restart neither repeat nor lose a step.
-- step is 'sla:50', 'sla:100@<wait start>', 'idle@<since>', 'offer@<since>', 'page'.
CREATE TABLE nudges (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations (id),
    step            TEXT   NOT NULL,
    sent_at         BIGINT NOT NULL,
    CONSTRAINT nudges_once UNIQUE (conversation_id, step)
);

-- /earshot followup 12 2d ...: reminded once, when due (reminded_at set in the reminder's transaction).
CREATE TABLE follow_ups (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations (id),
    due_at          BIGINT NOT NULL,
    note            TEXT   NOT NULL,
    set_by          TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    reminded_at     BIGINT
);

CREATE INDEX follow_ups_due ON follow_ups (due_at);
CREATE INDEX follow_ups_to_remind ON follow_ups (reminded_at, due_at);

-- /earshot oncall @bob: every hand-set shift is kept; the latest one counts while it runs.
-- until_at NULL: until someone else is put on call.
CREATE TABLE oncall_shifts (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member   TEXT   NOT NULL,
    set_by   TEXT   NOT NULL,
    from_at  BIGINT NOT NULL,
    until_at BIGINT
);

-- One owner from start to end: a customer's latest conversations, across threads and accounts.
CREATE INDEX conversations_by_author ON conversations (platform, author_handle, last_customer_at);
