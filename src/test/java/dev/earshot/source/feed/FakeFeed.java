package dev.earshot.source.feed;

import dev.earshot.source.http.FakeHttpServer;
import dev.earshot.source.http.FakeHttpServer.Request;
import dev.earshot.source.http.FakeHttpServer.Response;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A site's feed on 127.0.0.1, as RSS 2.0 or Atom, newest entry first, answering conditional GETs
 * the way web servers do: an {@code ETag} over the content, {@code Last-Modified}, and 304 when the
 * client names the current one. {@link #serve} replaces the feed with any body (a web page, a
 * malformed feed, an attack).
 */
final class FakeFeed implements AutoCloseable {
    static final String PATH = "/comments/feed";

    /** One entry; a null id makes an RSS item without a guid (keyed by link and date). */
    record Item(String id, String link, Instant at, String author, String title, String html) {
    }

    final FakeHttpServer http = new FakeHttpServer();
    private final List<Item> items = new ArrayList<>();
    volatile boolean atom;
    /** RSS {@code <ttl>} in minutes; 0: none. */
    volatile int ttlMinutes;
    volatile String cacheControl;
    private volatile Response served;
    private int next;

    FakeFeed() {
        http.route("GET", PATH, this::feed);
    }

    URI url() {
        return URI.create(http.uri() + PATH);
    }

    /** A new comment, the newest; returns its id. */
    synchronized String comment(String author, String html, Instant at) {
        String id = "https://blog.example/?p=7#comment-" + (++next);
        items.add(0, new Item(id, "https://blog.example/launch#comment-" + next, at, author,
                "Comment on Launch by " + author, html));
        return id;
    }

    synchronized void add(Item item) {
        items.add(0, item);
    }

    synchronized void replace(int index, Item item) {
        items.set(index, item);
    }

    synchronized void drop(int fromIndex) {
        items.subList(fromIndex, items.size()).clear();
    }

    /** From now on every GET answers this; null: the feed again. */
    void serve(Response response) {
        served = response;
    }

    private synchronized Response feed(Request r) {
        if (served != null) {
            return served;
        }
        String body = atom ? atom() : rss();
        String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
        String modified = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                (items.isEmpty() ? Instant.EPOCH : items.get(0).at()).atOffset(ZoneOffset.UTC));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", etag);
        headers.put("Last-Modified", modified);
        if (cacheControl != null) {
            headers.put("Cache-Control", cacheControl);
        }
        if (etag.equals(r.header("If-None-Match"))) {
            return Response.status(304, headers, "");
        }
        headers.put("Content-Type", atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8");
        return Response.status(200, headers, body);
    }

    private String rss() {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Comments on ACME blog</title>"
                + "<link>https://blog.example/</link><description>comments</description>");
        if (ttlMinutes > 0) {
            s.append("<ttl>").append(ttlMinutes).append("</ttl>");
        }
        for (Item i : items) {
            s.append("<item><title>").append(xml(i.title())).append("</title><link>").append(xml(i.link()))
                    .append("</link><dc:creator>").append(xml(i.author())).append("</dc:creator><pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(i.at().atOffset(ZoneOffset.UTC)))
                    .append("</pubDate>");
            if (i.id() != null) {
                s.append("<guid isPermaLink=\"false\">").append(xml(i.id())).append("</guid>");
            }
            s.append("<description>").append(xml(i.html())).append("</description></item>");
        }
        return s.append("</channel></rss>").toString();
    }

    private String atom() {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>ACME forum</title><id>urn:acme:forum</id>"
                + "<updated>2026-11-23T09:00:00Z</updated>");
        for (Item i : items) {
            s.append("<entry><id>").append(xml(i.id() == null ? i.link() : i.id())).append("</id><title>")
                    .append(xml(i.title())).append("</title><link rel=\"alternate\" href=\"").append(xml(i.link()))
                    .append("\"/><author><name>").append(xml(i.author())).append("</name><uri>https://forum.example/u/")
                    .append(xml(i.author())).append("</uri></author><published>").append(i.at()).append("</published>")
                    .append("<updated>").append(i.at()).append("</updated><content type=\"html\">")
                    .append(xml(i.html())).append("</content></entry>");
        }
        return s.append("</feed>").toString();
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        http.close();
    }
}
