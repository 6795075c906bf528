-- /earshot stats and the digest over a month or more read every conversation of the period:
-- each one's first responder, and the claims and replies per teammate. With the actor and the
-- action in the index, both are read from the index alone, never from the table (a month of a
-- busy brand is some 60,000 conversations). Each index keeps its name and its leading columns,
-- so every query that used it still does.
DROP INDEX history_by_conversation;
CREATE INDEX history_by_conversation ON history (conversation_id, at, id, action, actor);

DROP INDEX history_by_action;
CREATE INDEX history_by_action ON history (action, at, actor);
