package dev.earshot.source.bluesky;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.source.text.Graphemes;
import dev.earshot.source.text.Links;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A reply's text with its facets. Bluesky links and mentions nothing by itself: each mention of
 * the customer becomes a {@code #mention} facet with their DID, each address a {@code #link}
 * facet, at UTF-8 byte offsets (an emoji before the handle moves it by four bytes, not two chars).
 */
final class PostText {
    static final int MAX_GRAPHEMES = 300;
    static final int MAX_BYTES = 3000;

    private PostText() {
    }

    /** One facet: a byte range and what it is. */
    record Facet(int byteStart, int byteEnd, String type, String value) {
    }

    /** The text as posted: the customer's {@code @handle} first, unless the team already began with it. */
    static String withMention(String body, String handle) {
        String b = body.strip();
        String mention = "@" + handle;
        boolean starts = b.startsWith(mention) && !continues(b, mention.length());
        return starts ? b : mention + " " + b;
    }

    /**
     * Bluesky's limits as one number: graphemes, or a tenth of the UTF-8 bytes if that is more, so
     * that a text fits both 300 graphemes and 3,000 bytes exactly when this is at most 300.
     */
    static int length(String text) {
        return Math.max(Graphemes.count(text), (Graphemes.utf8Bytes(text) + 9) / 10);
    }

    static List<Facet> facets(String text, String handle, String did) {
        List<Facet> facets = new ArrayList<>();
        List<int[]> links = new ArrayList<>();
        for (Links.Link link : Links.in(text)) {
            links.add(new int[] {link.start(), link.end()});
            facets.add(new Facet(Graphemes.utf8Offset(text, link.start()), Graphemes.utf8Offset(text, link.end()),
                    "link", link.url()));
        }
        String mention = "@" + handle;
        for (int i = text.indexOf(mention); i >= 0; i = text.indexOf(mention, i + 1)) {
            int end = i + mention.length();
            boolean whole = (i == 0 || !handleChar(text.charAt(i - 1))) && !continues(text, end);
            int start = i;
            boolean inLink = links.stream().anyMatch(l -> start < l[1] && end > l[0]);
            if (whole && !inLink) {
                facets.add(new Facet(Graphemes.utf8Offset(text, i), Graphemes.utf8Offset(text, end), "mention", did));
            }
        }
        facets.sort(Comparator.comparingInt(Facet::byteStart));
        return facets;
    }

    static ArrayNode json(List<Facet> facets) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Facet f : facets) {
            ObjectNode facet = array.addObject();
            facet.putObject("index").put("byteStart", f.byteStart()).put("byteEnd", f.byteEnd());
            ObjectNode feature = facet.putArray("features").addObject();
            if (f.type().equals("mention")) {
                feature.put("$type", "app.bsky.richtext.facet#mention").put("did", f.value());
            } else {
                feature.put("$type", "app.bsky.richtext.facet#link").put("uri", f.value());
            }
        }
        return array;
    }

    /**
     * Whether the handle goes on at {@code end} ({@code @jane.bsky.social} inside
     * {@code @jane.bsky.socialite} is no mention); a full stop that ends a sentence does not.
     */
    private static boolean continues(String text, int end) {
        if (end >= text.length()) {
            return false;
        }
        char c = text.charAt(end);
        if (c == '.' || c == '-') {
            return end + 1 < text.length() && Character.isLetterOrDigit(text.charAt(end + 1));
        }
        return handleChar(c);
    }

    private static boolean handleChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }
}
