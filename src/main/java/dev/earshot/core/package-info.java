/**
 * The core: records and pure rules (conversations and their states, priority and tone, time spans,
 * team membership, what a card shows; business hours and the SLA clock, nudges and where they go,
 * the on-call rotation, follow-ups, escalation, one owner per customer). Time comes from an injected {@link java.time.Clock} or is
 * passed in. Imports nothing but the JDK: no SDK, no JDBC, no YAML, no Quartz (an ArchUnit test
 * keeps it so).
 */
package dev.earshot.core;
