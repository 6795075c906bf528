/**
 * Proofs of shared/RELIABILITY.md's promises at the level of the program: Earshot's composition
 * root runs in a child JVM from a YAML config, against the platform fakes of the other test
 * packages (through their public faces, {@code SlackWorkspace} and {@code MastodonInstance}),
 * and is judged only by what the fakes, its log and its ops endpoint show. Killed, stopped,
 * starved and flooded on purpose. May import the test fakes and the JDK; nothing of Earshot's
 * inside, so a rework of the application's middle leaves these tests standing.
 */
package dev.earshot.proof;
