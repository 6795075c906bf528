package dev.earshot.app;

import java.util.Objects;

/**
 * What a command comes to, for the teammate who asked: done, refused (a sentence saying why) or
 * failed on Earshot's side (one sentence, the same for every failure; the why is in the log).
 * The text is plain; the chat adapter escapes it and shows it to the asker alone.
 *
 * @param replyForm what a reply form shows, for {@link Command.ReplyForm} only; else null
 */
public record Answer(Kind kind, String text, Queries.ReplyContext replyForm) {

    public enum Kind { OK, REFUSED, FAILED }

    public Answer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    static Answer ok(String text) {
        return new Answer(Kind.OK, text, null);
    }

    static Answer form(Queries.ReplyContext context) {
        return new Answer(Kind.OK, "", Objects.requireNonNull(context, "context"));
    }

    static Answer refused(String sentence) {
        return new Answer(Kind.REFUSED, sentence, null);
    }

    /** The one answer to anything that went wrong on Earshot's side. */
    public static Answer failed() {
        return new Answer(Kind.FAILED, Words.SOMETHING_WENT_WRONG, null);
    }

    public boolean ok() {
        return kind == Kind.OK;
    }
}
