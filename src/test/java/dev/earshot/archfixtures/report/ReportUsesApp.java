package dev.earshot.archfixtures.report;

import dev.earshot.archfixtures.app.Inbox;

/** Breaks only the report rule. */
public final class ReportUsesApp {
    Inbox inbox;
}
