package dev.earshot.source.feed;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndPerson;
import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A feed's entries as customer messages. An entry's key is its own id (RSS {@code guid}, Atom
 * {@code id}); one without an id is keyed by its link and date, so a feed that rewrites an entry's
 * text or title keeps its key and makes no duplicate. Entries by the brand's own authors are
 * never customers'.
 */
final class FeedEntries {
    /** Ids longer than this are stored as their hash: the store's key stays short. */
    static final int LONGEST_ID = 200;
    static final String ANONYMOUS = "anonymous";

    /** One entry: its key, its time (null when the feed gave none), and the message it makes. */
    record Mapped(String key, Instant at, Message message) {
    }

    private final String account;
    private final Set<String> ownAuthors;

    FeedEntries(String account, List<String> ownAuthors) {
        this.account = account;
        this.ownAuthors = ownAuthors.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    boolean byBrand(SyndEntry e) {
        return ownAuthors.contains(authorName(e).toLowerCase(Locale.ROOT));
    }

    Mapped map(SyndEntry e, Instant now) {
        Instant at = e.getPublishedDate() != null ? e.getPublishedDate().toInstant()
                : e.getUpdatedDate() != null ? e.getUpdatedDate().toInstant() : null;
        String key = key(e, at);
        String name = authorName(e);
        String profile = e.getAuthors().stream().map(SyndPerson::getUri).filter(FeedEntries::isWebAddress)
                .findFirst().orElse("");
        String title = e.getTitle() == null ? "" : EntryHtml.text(e.getTitle());
        String body = EntryHtml.text(content(e));
        String text = title.isEmpty() || body.startsWith(title) ? body : body.isEmpty() ? title : title + "\n\n" + body;
        String link = isWebAddress(e.getLink()) ? e.getLink().strip() : "";
        Author author = new Author(Platform.FEED, name, name, -1, profile);
        Message m = new Message(Platform.FEED, account, key, author, text, link, at == null ? now : at,
                MessageKind.MENTION, null, key);
        return new Mapped(key, at, m);
    }

    /** The entry's own id, else its link and date; hashed when long. */
    static String key(SyndEntry e, Instant at) {
        String id = ownId(e);
        if (id == null) {
            String link = e.getLink() == null ? "" : e.getLink().strip();
            String title = e.getTitle() == null ? "" : e.getTitle().strip();
            id = (link.isEmpty() ? "title:" + title : link) + "@" + (at == null ? "undated" : at.toString());
        }
        return id.length() <= LONGEST_ID ? id : "sha256:" + hash(id);
    }

    private static String ownId(SyndEntry e) {
        Object wire = e.getWireEntry();
        String id = null;
        if (wire instanceof Item item && item.getGuid() != null) {
            id = item.getGuid().getValue();
        } else if (wire instanceof Entry atom) {
            id = atom.getId();
        }
        return id == null || id.isBlank() ? null : id.strip();
    }

    private static String authorName(SyndEntry e) {
        String name = e.getAuthors().stream().map(SyndPerson::getName).filter(n -> n != null && !n.isBlank())
                .findFirst().orElse(e.getAuthor());
        return name == null || name.isBlank() ? ANONYMOUS : name.strip();
    }

    private static String content(SyndEntry e) {
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null && !c.getValue().isBlank()) {
                return plainOrHtml(c);
            }
        }
        return e.getDescription() == null ? "" : plainOrHtml(e.getDescription());
    }

    /** Plain text is escaped before it is read as HTML, so that a {@code <} in it stays a {@code <}. */
    private static String plainOrHtml(SyndContent c) {
        String type = c.getType() == null ? "" : c.getType().toLowerCase(Locale.ROOT);
        String v = c.getValue() == null ? "" : c.getValue();
        return type.equals("text") || type.equals("text/plain")
                ? v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>") : v;
    }

    static boolean isWebAddress(String s) {
        return s != null && s.strip().matches("(?i)https?://\\S{1,2000}");
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
