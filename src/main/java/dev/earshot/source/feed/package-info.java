/**
 * RSS and Atom feeds as a read-only source ({@code type: feed}): a conditional GET within the
 * shared HTTP bounds ({@link FeedReader}), Rome to parse with DOCTYPEs refused, entries as
 * customer messages ({@link FeedEntries}), and the cursor that remembers what was seen
 * ({@link FeedCursor}). A feed cannot be answered from chat: {@link FeedSource#reply} refuses, and
 * the team marks the conversation "Answered there".
 */
package dev.earshot.source.feed;
