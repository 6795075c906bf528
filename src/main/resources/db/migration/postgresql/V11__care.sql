-- Social care: what X costs, and alert states that must outlive a restart. Same in both dialects.
--
-- Billable reads per source and UTC day (X bills per post, user and DM event read). Added to in the
-- same transaction as the fetch they came with, so a crash neither loses nor doubles a count.
CREATE TABLE billable_reads (
    source    TEXT   NOT NULL,
    day       TEXT   NOT NULL, -- '2026-12-02', a UTC day
    posts     BIGINT NOT NULL DEFAULT 0,
    users     BIGINT NOT NULL DEFAULT 0,
    dm_events BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (source, day)
);

-- Small states kept across restarts: a volume spike under way ('spike:source:acme-x' → since when),
-- so that a restart neither repeats the alert nor forgets to say "back to normal".
CREATE TABLE care_state (
    key        TEXT   PRIMARY KEY,
    value      TEXT   NOT NULL,
    updated_at BIGINT NOT NULL
);
