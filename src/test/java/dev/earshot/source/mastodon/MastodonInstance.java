package dev.earshot.source.mastodon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link FakeMastodon} as a public object, for tests outside this package that run Earshot whole
 * (a child JVM configured by YAML): customers mention the brand, and the test reads what the
 * brand posted back, as the customers see it. Stamped with the wall clock, as the child's is.
 */
public final class MastodonInstance implements AutoCloseable {
    public static final String TOKEN = FakeMastodon.TOKEN;

    private final FakeMastodon fake = new FakeMastodon(Clock.systemUTC());
    private final AtomicLong customers = new AtomicLong(5_000);
    private final java.util.Map<String, ObjectNode> authors = new java.util.concurrent.ConcurrentHashMap<>();

    /** The base URL to configure as the source's {@code instance}. */
    public String url() {
        return fake.base();
    }

    /** A new customer mentions the brand, saying {@code text} (plain text, escaped here); returns the status id. */
    public String mention(String text) {
        long n = customers.incrementAndGet();
        ObjectNode author = fake.account(Long.toString(n), "c" + n, "c" + n, "Customer " + n, 10);
        String id = fake.mention(author, html(text), "public", null);
        authors.put(id, author);
        return id;
    }

    /** The customer who wrote status {@code first} writes again in its thread; returns the new status id. */
    public String followUp(String first, String text) {
        ObjectNode author = authors.get(first);
        String id = fake.mention(author, html(text), "public", first);
        authors.put(id, author);
        return id;
    }

    private static String html(String text) {
        return "<p>@acme " + FakeMastodon.html(text).replaceAll("^<p>|</p>$", "") + "</p>";
    }

    /** The text of every status the brand posted through the API, in order: what customers received. */
    public List<String> replies() {
        synchronized (fake) {
            return fake.posted.stream().map(s -> StatusHtml.text(s.path("content").asText())).toList();
        }
    }

    @Override
    public void close() {
        fake.close();
    }
}
