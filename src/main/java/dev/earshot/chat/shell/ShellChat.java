package dev.earshot.chat.shell;

import dev.earshot.app.Command;
import dev.earshot.core.Card;
import dev.earshot.core.ChatRef;
import dev.earshot.core.Member;
import dev.earshot.core.Spans;
import dev.earshot.port.ChatPlatform;
import dev.earshot.port.DeliveryException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The terminal as a chat. A terminal cannot redraw a card in place, so an update prints the card
 * again, marked as updated. References look like {@code shell:support:3}.
 */
public final class ShellChat implements ChatPlatform {
    private static final int SHOWN = 280;

    private final PrintStream out;
    private final Path reports;
    private final Map<String, ChatRef> postedByKey = new ConcurrentHashMap<>();
    private final Set<String> threadKeys = ConcurrentHashMap.newKeySet();
    private int posted;

    /** @param reports where report images (the digest chart) are saved */
    public ShellChat(PrintStream out, Path reports) {
        this.out = out;
        this.reports = reports;
    }

    @Override
    public synchronized ChatRef postCard(String channel, Card card, String key) {
        ChatRef ref = next(channel, key);
        print(render(card, "new"));
        return ref;
    }

    @Override
    public synchronized void updateCard(ChatRef ref, Card card) {
        print(render(card, "updated"));
    }

    @Override
    public synchronized void postInThread(ChatRef card, String text, List<Member> mention, String key) {
        threadKeys.add(key);
        print("   ↳ " + mentions(mention) + TerminalText.cut(TerminalText.clean(text), SHOWN, "use show")
                .replace("\n", "\n     "));
    }

    @Override
    public synchronized ChatRef postInChannel(String channel, String text, List<Member> mention, String key) {
        ChatRef ref = next(channel, key);
        print("📣 " + mentions(mention) + TerminalText.clean(text).replace("\n", "\n   "));
        return ref;
    }

    @Override
    public synchronized ChatRef postReport(String channel, String text, Image image, String key)
            throws DeliveryException {
        Path file = reports.resolve(image.fileName());
        try {
            Files.createDirectories(reports);
            Files.write(file, image.png());
        } catch (IOException e) {
            throw new DeliveryException(DeliveryException.Kind.TRANSIENT, "cannot save " + file + ": " + e.getMessage(),
                    null, e);
        }
        ChatRef ref = next(channel, key);
        print("📊 " + TerminalText.clean(text).replace("\n", "\n   ") + "\n   " + image.title() + ": " + file);
        return ref;
    }

    @Override
    public synchronized void notice(String channel, Member member, String text) {
        print("   [only @" + member.name() + " sees this] " + TerminalText.clean(text));
    }

    @Override
    public Optional<ChatRef> findPosted(String channel, String key) {
        return Optional.ofNullable(postedByKey.get(key));
    }

    @Override
    public boolean hasThreadPost(ChatRef card, String key) {
        return threadKeys.contains(key);
    }

    /** Prints an answer meant for the member who typed the command. */
    public synchronized void answer(String text) {
        print("   → " + TerminalText.clean(text).replace("\n", "\n     "));
    }

    static String render(Card card, String label) {
        String author = "@" + TerminalText.clean(card.author().handle())
                + " (" + TerminalText.clean(card.author().displayName())
                + (card.author().followers() >= 0 ? ", " + followers(card.author().followers()) + " followers" : "")
                + ")";
        String text = card.text().isBlank() ? "(no text)"
                : TerminalText.cut(TerminalText.clean(card.text()), SHOWN, "show " + card.conversationId());
        String more = card.messageCount() > 1 ? " · " + card.messageCount() + " messages" : "";
        String buttons = card.actions().stream().map(a -> "[" + button(a, card.conversationId()) + "]")
                .collect(Collectors.joining(" "));
        return "┌ #" + card.conversationId() + " · " + card.platform().displayName() + " · " + author
                + " · " + Spans.format(card.age()) + " ago · " + card.priority().label() + " "
                + card.priority().score() + more + "  (" + label + ")\n"
                + (card.priorityLine().isBlank() ? "" : "│ why: " + TerminalText.clean(card.priorityLine()) + "\n")
                + "│ " + text.replace("\n", "\n│ ") + "\n"
                + "│ " + TerminalText.clean(card.stateLine()).replace("\n", "\n│ ") + "\n"
                + (card.platform().repliesThroughEarshot() || card.url().isBlank() ? ""
                        : "│ 🌐 answer on the site: " + TerminalText.clean(card.url()) + "\n")
                + "└ " + buttons;
    }

    private static String button(Card.Action action, long id) {
        return switch (action) {
            case CLAIM -> "claim " + id;
            case REPLY -> "reply " + id + " …";
            case DISMISS -> "dismiss " + id + " …";
            case SNOOZE -> "snooze " + id + " " + Spans.format(Command.Snooze.DEFAULT);
            case RESOLVE -> "resolve " + id;
            case ANSWERED_THERE -> "answered " + id;
            case OPEN -> "show " + id;
        };
    }

    static String followers(long n) {
        if (n >= 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%.1fM", n / 1_000_000.0);
        }
        if (n >= 100_000) {
            return n / 1_000 + "k";
        }
        return n >= 1_000 ? String.format(java.util.Locale.ROOT, "%.1fk", n / 1_000.0) : Long.toString(n);
    }

    private ChatRef next(String channel, String key) {
        ChatRef ref = new ChatRef("shell:" + channel + ":" + (++posted));
        postedByKey.put(key, ref);
        return ref;
    }

    private static String mentions(List<Member> members) {
        return members.stream().map(m -> "@" + m.name() + " ").collect(Collectors.joining());
    }

    private void print(String text) {
        out.println(text);
        out.flush();
    }
}
