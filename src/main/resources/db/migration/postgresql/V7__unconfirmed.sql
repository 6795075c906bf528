-- A reply the platform says was probably sent already (X's duplicate refusal) but that is not yet
-- visible: from when it has been looked for. The row is never sent again, only looked up, until a
-- bound passes; a restart reads this and does not forget.
ALTER TABLE outbox ADD COLUMN unconfirmed_since BIGINT;

-- The later rows of the same conversation and target wait behind such a row.
CREATE INDEX outbox_unconfirmed ON outbox (target, conversation_id)
    WHERE unconfirmed_since IS NOT NULL AND status IN ('pending', 'sending');
