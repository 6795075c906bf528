package dev.earshot.archfixtures.core;

import java.sql.Connection;

/** Breaks only the core rule: java.sql is not one of the JDK packages core may use. */
public final class CoreUsesJdbc {
    Connection connection;
}
