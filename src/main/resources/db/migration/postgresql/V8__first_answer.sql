-- /earshot stats and the digest read, for every conversation of the period, the followers of its
-- first customer message and who answered it first. Looked up per conversation (a subquery on
-- messages and one on history for each), a month of a busy brand took most of a second. The
-- store now keeps both on the conversation as the rows arrive (MessageSql, SqlTx.record): the
-- earliest customer message's followers and the earliest answer's actor, earliest by the same
-- order as before (created_at or at, then insertion). Existing rows are filled here once.
ALTER TABLE conversations ADD COLUMN first_customer_at BIGINT;
ALTER TABLE conversations ADD COLUMN first_followers BIGINT;
ALTER TABLE conversations ADD COLUMN first_answer_at BIGINT;
ALTER TABLE conversations ADD COLUMN first_responder TEXT;

UPDATE conversations SET
    first_customer_at = (SELECT m.created_at FROM messages m
        WHERE m.conversation_id = conversations.id AND m.direction = 'in' ORDER BY m.created_at, m.id LIMIT 1),
    first_followers = (SELECT m.author_followers FROM messages m
        WHERE m.conversation_id = conversations.id AND m.direction = 'in' ORDER BY m.created_at, m.id LIMIT 1),
    first_answer_at = (SELECT h.at FROM history h
        WHERE h.conversation_id = conversations.id AND h.action IN ('replied', 'answered-outside')
        ORDER BY h.at, h.id LIMIT 1),
    first_responder = (SELECT CASE WHEN h.action = 'replied' THEN h.actor END FROM history h
        WHERE h.conversation_id = conversations.id AND h.action IN ('replied', 'answered-outside')
        ORDER BY h.at, h.id LIMIT 1);
