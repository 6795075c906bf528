package dev.earshot.app;

import java.util.Objects;

/**
 * What a command comes to, for the teammate who asked: done, refused (a sentence saying why) or
 * failed on Earshot's side (one sentence, the same for every failure; the why is in the log).
 * The text is plain; the chat adapter escapes it and shows it to the asker alone.
 *
 * @param replyForm what a reply form shows, for {@link Command.ReplyForm} only; else null
 * @param preview a typed reply shown before it goes: the adapter offers Send and Cancel for it
 *     ({@link Command.SendDraft}, {@link Command.CancelDraft}); else null. {@code text} then
 *     holds the preview's words.
 */
public record Answer(Kind kind, String text, Queries.ReplyContext replyForm, ReplyPreview preview) {

    public enum Kind { OK, REFUSED, FAILED }

    public Answer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    public Answer(Kind kind, String text, Queries.ReplyContext replyForm) {
        this(kind, text, replyForm, null);
    }

    static Answer ok(String text) {
        return new Answer(Kind.OK, text, null);
    }

    static Answer form(Queries.ReplyContext context) {
        return new Answer(Kind.OK, "", Objects.requireNonNull(context, "context"));
    }

    static Answer preview(ReplyPreview preview) {
        return new Answer(Kind.OK, ReplyWords.preview(preview), null, Objects.requireNonNull(preview, "preview"));
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
