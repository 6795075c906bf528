/**
 * Text helpers the sources share: counting as the platforms count (extended grapheme clusters,
 * with ICU4J because Java 17's {@link java.text.BreakIterator} splits them), finding links, the
 * cap on the text kept per message, and customer text cleaned for a log line. Imports the JDK and
 * ICU4J only.
 */
package dev.earshot.source.text;
