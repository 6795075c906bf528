package dev.earshot.archfixtures.misc;

/** Breaks only "every class is in a known package": a grab-bag package outside the table. */
public final class Helpers {
}
