package dev.earshot.app;

import dev.earshot.core.ReplyDraft;
import dev.earshot.core.ReplyTemplate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The words of a reply's preview and of its Send and Cancel, for the teammate alone (the rest of
 * what they read is {@link Words}'). Plain text: the adapters escape it, and the reply and the
 * customer's words in it are the customer's to read.
 */
public final class ReplyWords {
    private ReplyWords() {
    }

    /**
     * The reply as the customer will see it, its length as the platform counts it, and what it
     * goes under. The adapters add Send and Cancel (the shell: y or n).
     */
    public static String preview(ReplyPreview p) {
        var c = p.conversation();
        String under = p.direct() ? "in @" + p.under().author().handle() + "'s direct messages"
                : "threaded under @" + p.under().author().handle() + "'s message: “"
                        + Words.snippet(p.under().text(), 80) + "”";
        return "Your reply to " + c.ref() + " on " + c.platform().displayName() + ", as @"
                + p.under().author().handle() + " will see it (" + p.length() + " of " + p.maxLength()
                + " characters, as " + c.platform().displayName() + " counts them):\n"
                + indent(p.asPosted()) + "\n" + under + ".";
    }

    public static String cancelled(ReplyDraft d) {
        return "Cancelled: nothing was sent to #" + d.conversationId() + ".";
    }

    /**
     * What a reply form says under the customer's words: how the reply will read (the mention the
     * platform puts first), where it goes, and the limit as the platform counts it.
     */
    public static String formNote(Queries.ReplyContext f) {
        String handle = "@" + f.latest().author().handle();
        String platform = f.conversation().platform().displayName();
        String where = f.direct() ? "in " + handle + "'s direct messages" : "threaded under " + handle + "'s message above";
        String reads = f.prefix().isEmpty() ? "Sent exactly as written, " + where + "."
                : "The customer will read “" + f.prefix() + " ” and then your text, " + where + ".";
        String room = f.prefix().isEmpty() ? platform + " allows " + f.maxLength() + ", counted as " + platform + " counts."
                : platform + " allows " + f.maxLength() + ", counted as " + platform + " counts; the mention takes "
                        + f.prefixLength() + ", leaving " + (f.maxLength() - f.prefixLength()) + ".";
        return reads + " " + room;
    }

    static String noSuchDraft() {
        return "That preview is not known (it may be from before a restart); type the reply again.";
    }

    static String notYourDraft(ReplyDraft d) {
        return "That preview is @" + d.member() + "'s; only they can send or cancel it.";
    }

    static String draftSettled(ReplyDraft d) {
        return switch (d.state()) {
            case SENT -> "That reply to #" + d.conversationId() + " was sent already; it is not sent twice.";
            case CANCELLED -> "That reply to #" + d.conversationId() + " was cancelled; nothing was sent.";
            case PENDING -> "That reply to #" + d.conversationId() + " is still waiting for Send or Cancel.";
        };
    }

    static String noSuchTemplate(String typed, List<ReplyTemplate> templates) {
        String names = templates.stream().map(t -> ":" + t.name().strip().replaceAll("\\s+", "-"))
                .collect(Collectors.joining(", "));
        return "No saved reply is called " + typed + "; nothing was sent. "
                + (templates.isEmpty() ? "None are set up (templates: in the config file)." : "Saved replies: " + names + ".");
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
