-- The team's claims and replies per member over a period: with the member's name before the time,
-- each member's count is one range of this index, and the members themselves are found by one
-- seek each (a loose index scan), so a month costs a few seeks instead of grouping every row.
CREATE INDEX history_by_actor ON history (action, actor, at);
