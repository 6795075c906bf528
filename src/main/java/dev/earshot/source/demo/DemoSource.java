package dev.earshot.source.demo;

import dev.earshot.core.Message;
import dev.earshot.core.Platform;
import dev.earshot.port.SocialSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Simulated customers. The cursor is the index of the next scripted message, so a restarted demo
 * goes on where it stopped. Replies are kept in memory and honour the idempotency key, as
 * Mastodon's {@code Idempotency-Key} does: a retried send returns the first reply.
 */
public final class DemoSource implements SocialSource {
    /** Messages in the first fetch, as a backfill would bring. */
    static final int BACKFILL = 5;
    static final int MAX_REPLY = 500;

    private final String name;
    private final long seed;
    private final String brand;
    private final Clock clock;
    private final Map<String, Reply> repliesByKey = new LinkedHashMap<>();

    /** A reply the brand sent to a simulated customer. */
    public record Reply(String inReplyTo, String text, String key, SentReply sent) {
    }

    /** @param brand the brand account the simulated customers talk to ({@code acme}) */
    public DemoSource(String name, long seed, String brand, Clock clock) {
        this.name = name;
        this.brand = brand;
        this.seed = seed;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Platform platform() {
        return Platform.DEMO;
    }

    @Override
    public Fetch fetchSince(Optional<String> cursor) {
        int from = cursor.map(Integer::parseInt).orElse(0);
        int count = from == 0 ? BACKFILL : 1 + new Random(seed * 31 + from).nextInt(2);
        List<DemoCustomers.Line> lines = DemoCustomers.first(seed, from + count);
        Instant now = clock.instant();
        List<Message> messages = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            DemoCustomers.Line line = lines.get(i);
            Instant at = now.minus(Duration.ofMinutes(2L * (from + count - 1 - i)));
            messages.add(toMessage(line, at));
        }
        return new Fetch(messages, Integer.toString(from + count));
    }

    private Message toMessage(DemoCustomers.Line line, Instant at) {
        String id = externalId(line.index());
        String thread = line.followUpOf() < 0 ? id : externalId(line.followUpOf());
        String text = line.text().replace("@acme", "@" + brand);
        return new Message(Platform.DEMO, name, id, line.author(), text,
                "https://social.example/@" + line.author().handle() + "/" + id, at, line.kind(),
                line.followUpOf() < 0 ? null : thread, thread);
    }

    private String externalId(int index) {
        return "demo-" + seed + "-" + index;
    }

    @Override
    public synchronized SentReply reply(Message to, String text, String idempotencyKey) {
        Reply earlier = repliesByKey.get(idempotencyKey);
        if (earlier != null) {
            return earlier.sent();
        }
        String id = "demo-reply-" + (repliesByKey.size() + 1);
        SentReply sent = new SentReply(id, "https://social.example/@" + brand + "/" + id, clock.instant());
        repliesByKey.put(idempotencyKey, new Reply(to.externalId(), text, idempotencyKey, sent));
        return sent;
    }

    @Override
    public synchronized Optional<SentReply> findReply(Message to, String idempotencyKey) {
        return repliesByKey.values().stream()
                .filter(r -> r.inReplyTo().equals(to.externalId()))
                .filter(r -> idempotencyKey == null || r.key().equals(idempotencyKey))
                .map(Reply::sent)
                .findFirst();
    }

    @Override
    public int maxReplyLength() {
        return MAX_REPLY;
    }

    /** Every reply the simulated customers received, in order. */
    public synchronized List<Reply> replies() {
        return List.copyOf(repliesByKey.values());
    }
}
