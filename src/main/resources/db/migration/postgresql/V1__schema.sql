-- Earshot schema, PostgreSQL flavour: the twin of db/migration/sqlite/V1__schema.sql, with the same
-- version numbers and the same meaning. It differs only where the dialects do: ids are
-- BIGINT GENERATED ALWAYS AS IDENTITY (a sequence never hands out an id twice, like SQLite's
-- AUTOINCREMENT), where SQLite has INTEGER PRIMARY KEY AUTOINCREMENT.
--
-- Conventions, the same in both:
--   * every instant is BIGINT epoch milliseconds (UTC), so range queries are plain integer compares;
--   * a platform is Platform.id() ('x', 'mastodon', ...); other enums are stored by name ('NEW').

CREATE TABLE conversations (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform         TEXT    NOT NULL,
    account          TEXT    NOT NULL,
    author_handle    TEXT    NOT NULL,
    thread_key       TEXT    NOT NULL,
    channel          TEXT,
    state            TEXT    NOT NULL
        CHECK (state IN ('NEW', 'CLAIMED', 'REPLIED', 'SNOOZED', 'DISMISSED', 'RESOLVED')),
    owner            TEXT,
    priority         INTEGER NOT NULL,
    opened_at        BIGINT  NOT NULL,
    last_customer_at BIGINT,
    first_reply_at   BIGINT,
    snoozed_until    BIGINT,
    state_by         TEXT,
    state_note       TEXT,
    chat_ref         TEXT,
    version          BIGINT  NOT NULL
);

-- A follow-up joins the open conversation of the same author in the same thread.
CREATE INDEX conversations_open_lookup ON conversations (platform, account, author_handle, thread_key, state);
-- The queue: waiting states, highest priority first, then oldest.
CREATE INDEX conversations_queue ON conversations (state, priority DESC, opened_at);
-- Snoozes that run out, and figures over a period.
CREATE INDEX conversations_snoozed ON conversations (state, snoozed_until);
CREATE INDEX conversations_opened ON conversations (opened_at);

-- Customer messages ('in') and the brand's own replies ('out'). The unique key is what makes
-- ingest idempotent: a duplicate fails here, not in a check-then-insert.
CREATE TABLE messages (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id     BIGINT NOT NULL REFERENCES conversations (id),
    platform            TEXT   NOT NULL,
    account             TEXT   NOT NULL,
    external_id         TEXT   NOT NULL,
    direction           TEXT   NOT NULL CHECK (direction IN ('in', 'out')),
    author_handle       TEXT,
    author_display_name TEXT,
    author_followers    BIGINT,
    author_profile_url  TEXT,
    text                TEXT   NOT NULL,
    url                 TEXT,
    created_at          BIGINT NOT NULL,
    kind                TEXT,
    in_reply_to         TEXT,
    thread_key          TEXT,
    received_at         BIGINT NOT NULL,
    CONSTRAINT messages_external_id_unique UNIQUE (platform, account, external_id),
    -- a customer message always has an author and a kind; our replies have neither
    CHECK (direction = 'out' OR (author_handle IS NOT NULL AND kind IS NOT NULL))
);

CREATE INDEX messages_by_conversation ON messages (conversation_id, direction, created_at, id);

-- The audit log. No foreign key on purpose: a refused command may name a conversation that
-- does not exist ("claim 999"), and that refusal is still worth a line.
CREATE TABLE history (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id BIGINT NOT NULL,
    at              BIGINT NOT NULL,
    actor           TEXT   NOT NULL,
    action          TEXT   NOT NULL,
    detail          TEXT   NOT NULL
);

CREATE INDEX history_by_conversation ON history (conversation_id, at, id);

-- Everything that must leave the process. kind is the Effect record's simple name and payload
-- its JSON; idem_key is sent to platforms that take one, the same on every attempt.
-- 'sending' means an attempt started and its outcome is unknown until settled.
-- No foreign key, like history: a notice may concern a conversation that does not exist.
CREATE TABLE outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            TEXT    NOT NULL,
    conversation_id BIGINT  NOT NULL,
    target          TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    idem_key        TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'sending', 'done', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    last_error      TEXT,
    created_at      BIGINT  NOT NULL,
    done_at         BIGINT,
    CONSTRAINT outbox_idem_key_unique UNIQUE (idem_key)
);

CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_by_conversation ON outbox (conversation_id, kind, status);

-- Where each source stopped reading; moved in the same transaction as the messages it covers.
CREATE TABLE cursors (
    source     TEXT   PRIMARY KEY,
    cursor     TEXT   NOT NULL,
    updated_at BIGINT NOT NULL
);
