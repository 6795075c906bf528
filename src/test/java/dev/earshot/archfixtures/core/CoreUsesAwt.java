package dev.earshot.archfixtures.core;

import java.awt.Color;

/** Breaks only the core rule: java.awt is not one of the JDK packages core may use. */
public final class CoreUsesAwt {
    Color colour;
}
