/**
 * The demo source: simulated customers, deterministic for a seed, for trying Earshot with no
 * account and for end-to-end tests. Includes the awkward cases real customers produce: pings
 * in the text, empty and very long messages, emoji and right-to-left scripts, follow-ups.
 */
package dev.earshot.source.demo;
