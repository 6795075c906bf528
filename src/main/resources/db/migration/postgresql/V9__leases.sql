-- Several instances on one store (PostgreSQL; on SQLite there is one instance and a lease is harmless).

-- A named lease (a source to poll, the Discord gateway session): held by one instance until it
-- expires; the holder renews it, anyone may take it once it has expired. Taken and renewed by one
-- conditional upsert, never by look-then-insert. Not copied by migrate-store: leases are only
-- meaningful among running instances.
CREATE TABLE leases (
    name        TEXT   PRIMARY KEY,
    holder      TEXT   NOT NULL,
    expires_at  BIGINT NOT NULL,
    acquired_at BIGINT NOT NULL
);

-- Which instance is sending an outbox row, and until when; another may take it over after that
-- (looking up a row left 'sending' before any resend, as after a restart).
ALTER TABLE outbox ADD COLUMN lease_holder TEXT;
ALTER TABLE outbox ADD COLUMN lease_until BIGINT;

-- A target whose unfinished rows another instance holds is left to it (order and pace kept).
CREATE INDEX outbox_leased ON outbox (target, lease_until)
    WHERE lease_holder IS NOT NULL AND status IN ('pending', 'sending');
