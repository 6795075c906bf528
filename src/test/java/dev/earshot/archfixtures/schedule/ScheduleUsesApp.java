package dev.earshot.archfixtures.schedule;

import dev.earshot.archfixtures.app.Inbox;

/** Breaks only the schedule rule: the scheduler runs jobs it is given and knows none of them. */
public final class ScheduleUsesApp {
    Inbox inbox;
}
