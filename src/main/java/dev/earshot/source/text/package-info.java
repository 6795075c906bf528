/**
 * Counting text the way social platforms count it: extended grapheme clusters (a family emoji
 * joined with ZWJ, a flag, a skin-tone emoji each count once), with ICU4J because Java 17's
 * {@link java.text.BreakIterator} splits them. Imports the JDK and ICU4J only.
 */
package dev.earshot.source.text;
