-- Why a conversation ranks as it does: the parts its priority was summed from, as scored at
-- ingest (JSON: [{"factor":"FOLLOWERS","points":40,"detail":"412000"}, ...]). NULL for a
-- conversation scored before the parts were kept.
ALTER TABLE conversations ADD COLUMN priority_parts TEXT;

-- A typed reply shown to its author before it is sent: Send and Cancel settle it once
-- (pending -> sent | cancelled, a conditional update in the transaction that queues the reply),
-- so a second Send, or a Send after Cancel, sends nothing.
CREATE TABLE reply_drafts (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations (id),
    member          TEXT   NOT NULL,
    text            TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    state           TEXT   NOT NULL
);

-- The brand's own posts seen on each platform, for the dialogue figures: replies to customers
-- and broadcasts. One row per post (a post seen again by a later poll is not counted twice).
CREATE TABLE brand_posts (
    platform    TEXT    NOT NULL,
    account     TEXT    NOT NULL,
    external_id TEXT    NOT NULL,
    posted_at   BIGINT  NOT NULL,
    to_customer INTEGER NOT NULL,
    CONSTRAINT brand_posts_once UNIQUE (account, external_id)
);

CREATE INDEX brand_posts_by_time ON brand_posts (posted_at);
