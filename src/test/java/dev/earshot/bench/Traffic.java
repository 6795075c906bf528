package dev.earshot.bench;

import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.port.SocialSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Customer traffic that looks like a busy brand's, the same for the same seed: three accounts
 * (X, Mastodon, Bluesky), a pool of customers of whom a few write a lot, follower counts spread
 * from nobody to a million, mostly mentions with some DMs, quotes and replies to the brand's posts,
 * a share of follow-ups in a thread the customer already opened, texts of tweet length with an
 * occasional long rant, and now and then an urgent word.
 */
final class Traffic {
    static final Instant START = Instant.parse("2026-11-02T08:00:00Z");

    /** What one poll of one source brings: a fetch as {@code Inbox.ingest} takes it. */
    record Batch(SocialSource source, SocialSource.Fetch fetch) {
        int size() {
            return fetch.messages().size();
        }
    }

    private record Account(String name, Platform platform, int weight) {
    }

    private static final List<Account> ACCOUNTS = List.of(
            new Account("acme-x", Platform.X, 5),
            new Account("acme-mastodon", Platform.MASTODON, 3),
            new Account("acme-bsky", Platform.BLUESKY, 2));

    private static final List<String> OPENERS = List.of(
            "Hi @acme,", "@acme", "Hey @acme!", "Hello @acme team,", "@acme @acmehelp", "Dear @acme,");
    private static final List<String> ISSUES = List.of(
            "where can I find my invoice for last month?",
            "does the Pro plan include API access?",
            "dark mode resets every time I log in.",
            "my parcel says delivered but it is not here.",
            "how do I change the email on my account?",
            "the checkout page keeps spinning forever.",
            "do you ship to Norway?",
            "the promo code doesn't work for me.",
            "how do I cancel my subscription? Can't find it anywhere.",
            "the app crashes when I open the settings.",
            "I was charged twice for the same order, I want a refund.",
            "your service has been down for an hour, this is urgent for our shop.",
            "thanks, the replacement arrived and works great 🙌");
    private static final List<String> DETAILS = List.of(
            "", " Order 55213.", " Tried twice already.", " Any idea?", " Using the Android app.",
            " This is the third time this week.", " Thanks in advance!", " 😡", " Please help!!",
            " Screenshot attached.");
    private static final List<String> FOLLOW_UPS = List.of(
            "Hello? Still waiting here.", "Any news on this?", "Also: the order number is 55213.",
            "Never mind the first part, but the second issue is still there.", "@acme ping",
            "It happened again just now.");

    private Traffic() {
    }

    /**
     * {@code count} messages in the order they were written, one every half second.
     *
     * @param followUpShare the share that continue a thread the same customer opened earlier
     */
    static List<Message> messages(long seed, int count, double followUpShare) {
        Random random = new Random(seed);
        List<Author> authors = new ArrayList<>();
        List<Account> homes = new ArrayList<>();
        int people = Math.max(20, count / 8);
        for (int i = 0; i < people; i++) {
            Account home = weighted(random);
            homes.add(home);
            authors.add(author(home.platform(), i, random));
        }
        Map<Integer, Message> lastInThread = new HashMap<>();
        List<Message> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // squaring skews the pick: a few customers write a lot, most write once or twice
            int who = (int) (people * Math.pow(random.nextDouble(), 2));
            Account account = homes.get(who);
            Author author = authors.get(who);
            String id = account.platform().id() + "-" + (1_000_000 + i);
            Instant at = START.plus(Duration.ofMillis(500L * i));
            Message earlier = lastInThread.get(who);
            Message m;
            if (earlier != null && random.nextDouble() < followUpShare) {
                m = new Message(account.platform(), account.name(), id, author, pick(FOLLOW_UPS, random),
                        url(author, id), at, MessageKind.REPLY, earlier.externalId(), earlier.threadKey());
            } else {
                m = opening(account, author, id, at, random);
            }
            lastInThread.put(who, m);
            out.add(m);
        }
        return out;
    }

    /** Groups messages as each source's polls would: in order, at most {@code perFetch} at a time. */
    static List<Batch> batches(List<Message> messages, int perFetch) {
        Map<String, List<Message>> pending = new LinkedHashMap<>();
        List<Batch> out = new ArrayList<>();
        for (Message m : messages) {
            List<Message> buffer = pending.computeIfAbsent(m.account(), a -> new ArrayList<>());
            buffer.add(m);
            if (buffer.size() == perFetch) {
                out.add(batch(m.account(), buffer));
                buffer.clear();
            }
        }
        pending.forEach((account, rest) -> {
            if (!rest.isEmpty()) {
                out.add(batch(account, rest));
            }
        });
        return out;
    }

    private static Batch batch(String account, List<Message> messages) {
        String cursor = messages.get(messages.size() - 1).externalId();
        return new Batch(new Origin(account, messages.get(0).platform()), new SocialSource.Fetch(messages, cursor));
    }

    /** The source a batch came from, as ingest sees it: a name and a platform. Nothing is sent back. */
    record Origin(String name, Platform platform) implements SocialSource {
        @Override
        public Fetch fetchSince(java.util.Optional<String> cursor) {
            throw new IllegalStateException("benchmarks hand their batches to ingest directly");
        }

        @Override
        public SentReply reply(Message to, String text, String idempotencyKey) {
            throw new IllegalStateException("benchmarks send no replies");
        }

        @Override
        public java.util.Optional<SentReply> findReply(Message to, String idempotencyKey) {
            return java.util.Optional.empty();
        }

        @Override
        public int maxReplyLength() {
            return 500;
        }
    }

    private static Message opening(Account account, Author author, String id, Instant at, Random random) {
        double roll = random.nextDouble();
        String text = pick(OPENERS, random) + " " + pick(ISSUES, random) + pick(DETAILS, random);
        if (random.nextInt(100) == 0) {
            text = text + " " + "I have been a customer for years and this keeps happening. ".repeat(25);
        }
        if (roll < 0.65) {
            return new Message(account.platform(), account.name(), id, author, text, url(author, id), at,
                    MessageKind.MENTION, null, id);
        }
        if (roll < 0.80) {
            String brandPost = account.platform().id() + "-brand-" + random.nextInt(200);
            return new Message(account.platform(), account.name(), id, author, text, url(author, id), at,
                    MessageKind.REPLY, brandPost, brandPost);
        }
        if (roll < 0.90) {
            return new Message(account.platform(), account.name(), id, author, text, url(author, id), at,
                    MessageKind.QUOTE, null, id);
        }
        return new Message(account.platform(), account.name(), id, author, text.replace("@acme", "").strip(),
                "", at, MessageKind.DM, null, "dm-" + author.handle());
    }

    private static Author author(Platform platform, int i, Random random) {
        String handle = switch (platform) {
            case MASTODON -> "customer" + i + "@mastodon.social";
            case BLUESKY -> "customer" + i + ".bsky.social";
            default -> "customer" + i;
        };
        long followers = (long) Math.pow(10, random.nextDouble() * 6) - 1;
        return new Author(platform, handle, "Customer " + i, followers, "https://social.example/@" + handle);
    }

    private static String url(Author author, String id) {
        return "https://social.example/@" + author.handle() + "/" + id;
    }

    private static Account weighted(Random random) {
        int total = ACCOUNTS.stream().mapToInt(Account::weight).sum();
        int roll = random.nextInt(total);
        for (Account a : ACCOUNTS) {
            roll -= a.weight();
            if (roll < 0) {
                return a;
            }
        }
        throw new AssertionError();
    }

    private static <T> T pick(List<T> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }
}
