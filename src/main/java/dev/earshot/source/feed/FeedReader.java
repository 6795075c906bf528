package dev.earshot.source.feed;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.DeliveryException.Kind;
import dev.earshot.source.http.BoundedExchange;
import dev.earshot.source.http.HttpLimits;
import dev.earshot.source.http.RateLimitHeaders;
import dev.earshot.source.text.LogSafe;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one feed: a conditional GET ({@code If-None-Match}, {@code If-Modified-Since}) within the
 * shared bounds (8 MB, deadlines), then Rome with DOCTYPEs refused, so an entity-expansion attack
 * ("billion laughs") or an external entity is never expanded. What a person must fix (the feed is
 * gone, moved, a web page, not a feed, too large) is {@link Kind#BROKEN}: health shows it and the
 * team is told once; a server error is {@link Kind#TRANSIENT}.
 */
final class FeedReader {
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,9})");
    /** A feed may ask to be read less often, up to this: a misread header must not silence it for days. */
    static final Duration LONGEST_HINT = Duration.ofHours(24);

    /** What the feed answered: not modified (no feed), or a parsed feed and its validators. */
    record Read(SyndFeed feed, String etag, String lastModified, Duration hint) {
        boolean notModified() {
            return feed == null;
        }
    }

    private final URI url;
    private final HttpClient client;
    private final HttpLimits bounds;

    FeedReader(URI url, HttpClient client, HttpLimits bounds) {
        this.url = url;
        this.client = client;
        this.bounds = bounds;
    }

    Read read(FeedCursor cursor, Instant now) throws DeliveryException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(bounds.headers()).GET()
                .header("Accept", "application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.8")
                .header("User-Agent", "Earshot (feed reader)");
        if (cursor.etag() != null) {
            b.header("If-None-Match", cursor.etag());
        }
        if (cursor.lastModified() != null) {
            b.header("If-Modified-Since", cursor.lastModified());
        }
        HttpResponse<byte[]> r = BoundedExchange.send(client, b.build(), bounds, "feed " + url, Kind.BROKEN);
        int status = r.statusCode();
        Duration hint = maxAge(r.headers().firstValue("Cache-Control").orElse(""));
        String etag = r.headers().firstValue("ETag").orElse(cursor.etag());
        String modified = r.headers().firstValue("Last-Modified").orElse(cursor.lastModified());
        if (status == 304) {
            return new Read(null, etag, modified, hint);
        }
        if (status != 200) {
            throw failure(r, now);
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (isWebPage(type, r.body())) {
            throw new DeliveryException(Kind.BROKEN, "feed " + url + " answered a web page (" + LogSafe.clean(type)
                    + "), not a feed: has it moved?", null, null);
        }
        SyndFeed feed = parse(r.body(), type);
        if (feed.originalWireFeed() instanceof Channel rss && rss.getTtl() > 0) {
            Duration ttl = Duration.ofMinutes(rss.getTtl());
            hint = ttl.compareTo(hint) > 0 ? ttl : hint;
        }
        return new Read(feed, etag, modified, hint.compareTo(LONGEST_HINT) > 0 ? LONGEST_HINT : hint);
    }

    private SyndFeed parse(byte[] body, String contentType) throws DeliveryException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false); // Rome's default, said here: no DOCTYPE, so no entity is ever expanded
        input.setPreserveWireFeed(true); // for RSS's ttl and guid
        input.setXmlHealerOn(false); // its entity "healing" costs seconds on a megabyte of escaped markup
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            return input.build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("DOCTYPE")) {
                why = "it declares a DOCTYPE, which Earshot refuses (entity expansion)";
            }
            throw new DeliveryException(Kind.BROKEN, "feed " + url + " is not a feed Earshot can read: "
                    + LogSafe.clean(why), null, null);
        }
    }

    private DeliveryException failure(HttpResponse<byte[]> r, Instant now) {
        int status = r.statusCode();
        String what = "feed " + url + " answered " + status;
        if (status == 429) {
            Optional<Duration> wait = r.headers().firstValue("Retry-After")
                    .flatMap(v -> RateLimitHeaders.retryAfter(v, now))
                    .map(until -> RateLimitHeaders.bounded(Duration.between(now, until)));
            return DeliveryException.rateLimited(what, wait.orElse(null));
        }
        if (status >= 500 || status == 408) {
            return new DeliveryException(Kind.TRANSIENT, what);
        }
        if (status >= 300 && status < 400) {
            String to = r.headers().firstValue("Location").map(LogSafe::clean).orElse("somewhere unnamed");
            return new DeliveryException(Kind.BROKEN, what + ": it moved to " + to + "; put that url in the config");
        }
        if (status == 404 || status == 410) {
            return new DeliveryException(Kind.BROKEN, what + ": the feed is gone");
        }
        return new DeliveryException(Kind.BROKEN, what);
    }

    static boolean isWebPage(String contentType, byte[] body) {
        if (contentType.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            return true;
        }
        String start = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8).stripLeading()
                .toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    static Duration maxAge(String cacheControl) {
        Matcher m = MAX_AGE.matcher(cacheControl.toLowerCase(Locale.ROOT));
        return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : Duration.ZERO;
    }
}
