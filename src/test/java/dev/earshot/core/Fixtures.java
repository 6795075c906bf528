package dev.earshot.core;

import java.time.Instant;

/** Small builders for core tests. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    private Fixtures() {
    }

    public static Author author(String handle, long followers) {
        return new Author(Platform.DEMO, handle, handle, followers, "https://social.example/@" + handle);
    }

    public static Message message(String id, String handle, String text) {
        return message(id, handle, text, T0);
    }

    /** A mention written at {@code at}, in a thread of its own. */
    public static Message message(String id, String handle, String text, Instant at) {
        return new Message(Platform.DEMO, "demo", id, author(handle, 100), text, "", at, MessageKind.MENTION,
                null, id);
    }

    public static Conversation fresh() {
        return Conversation.open(message("m1", "jane", "help"), "support", new Priority(30)).withId(12);
    }
}
