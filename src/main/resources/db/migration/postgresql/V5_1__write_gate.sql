-- PostgreSQL only, hence a point version between the versions both stores share: SQLite runs one
-- write transaction at a time by construction. Here every write transaction first takes this table
-- in ROW EXCLUSIVE mode, which writers share; a transaction that lost to concurrent writers several
-- times in a row takes it in EXCLUSIVE mode instead, so it waits for the writers in flight, holds new
-- ones back, and runs alone: it cannot lose again (PostgresStore). LOCK TABLE takes no snapshot, so
-- the transaction still sees what the writers before it committed. The table never holds a row.
CREATE TABLE write_gate ();
