/**
 * Quartz wiring: the periodic jobs (source polls, the outbox drain, the tick that wakes snoozes)
 * and the daily job at a local time (the digest).
 * Quartz keeps its triggers in memory (it ships no SQLite delegate); every durable fact lives in
 * our own tables, so a restart simply starts the jobs again.
 */
package dev.earshot.schedule;
