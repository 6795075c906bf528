/**
 * Quartz wiring ({@link dev.earshot.schedule.Jobs}): this instance's periodic jobs (source polls, the
 * outbox round) in memory, and the team's (the tick, the daily digest) either in the same in-memory
 * scheduler (one instance, SQLite) or in Quartz's clustered JDBC job store on PostgreSQL (several
 * instances: each turn once across them). Jobs are a class and a name; the tasks stay in memory.
 * Every durable fact lives in our own tables, so a restart simply starts the jobs again.
 */
package dev.earshot.schedule;
