package dev.earshot.app;

import dev.earshot.core.Member;
import dev.earshot.core.Refusal;
import dev.earshot.core.ReplyDraft;
import dev.earshot.core.ReplyTemplate;
import dev.earshot.port.Store;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A typed reply before it goes: a saved reply named {@code :thanks} is filled in, and the reply is
 * shown as the customer will read it, kept as a pending draft until its author presses Send or
 * Cancel ({@link Inbox#sendDraft}, {@link Inbox#cancelDraft}).
 */
final class ReplyPreviews {
    /** A reply that is one word after a colon names a template. */
    private static final Pattern TEMPLATE_NAME = Pattern.compile(":[\\p{L}\\p{N}_-]{1,64}");

    private final Store store;
    private final Sources sources;
    private final Clock clock;
    private final List<ReplyTemplate> templates;

    ReplyPreviews(Store store, Sources sources, Clock clock, List<ReplyTemplate> templates) {
        this.store = store;
        this.sources = sources;
        this.clock = clock;
        this.templates = List.copyOf(templates);
    }

    /** The text to send: as typed, or the template it names filled in for this conversation and teammate. */
    String expand(Member actor, long id, String text) {
        String typed = text == null ? "" : text.strip();
        if (!TEMPLATE_NAME.matcher(typed).matches()) {
            return typed;
        }
        ReplyTemplate t = template(typed.substring(1))
                .orElseThrow(() -> new Refusal(ReplyWords.noSuchTemplate(typed, templates)));
        ConversationView v = store.read(tx -> Queries.view(tx, id));
        return t.fill(ReplyTemplate.values(v.conversation(), v.latest().author(), actor.name()));
    }

    /** Checks the reply as {@link Inbox#reply} would, keeps it as a draft, and returns what to show. */
    ReplyPreview draft(Member actor, long id, String text) {
        ReplyCheck check = ReplyCheck.of(store, sources, id, text);
        check.conversation().reply(actor.name(), actor.admin()); // refuses now what Send would refuse
        ReplyDraft draft = store.write(tx -> tx.addReplyDraft(
                ReplyDraft.pending(id, actor.name(), check.body(), clock.instant())));
        return ReplyPreview.of(draft.id(), check);
    }

    /** Named as written, ignoring case; {@code -} or {@code _} stand for a space. */
    private Optional<ReplyTemplate> template(String name) {
        String wanted = name.toLowerCase(Locale.ROOT).replaceAll("[-_]", " ");
        return templates.stream()
                .filter(t -> t.name().strip().toLowerCase(Locale.ROOT).replaceAll("[-_\\s]+", " ").equals(wanted))
                .findFirst();
    }
}
