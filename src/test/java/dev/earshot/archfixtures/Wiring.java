package dev.earshot.archfixtures;

/** Breaks only "the root holds only Main and the composition root". */
public final class Wiring {
}
