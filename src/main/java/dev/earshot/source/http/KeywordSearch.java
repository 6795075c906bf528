package dev.earshot.source.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the sources' keyword searches share: the query for a keyword, and the one cursor string. */
public final class KeywordSearch {
    private KeywordSearch() {
    }

    /** A keyword as a search query: several words are searched as one phrase. */
    public static String phrase(String keyword) {
        String k = keyword.strip();
        boolean quoted = k.length() >= 2 && k.startsWith("\"") && k.endsWith("\"");
        return !quoted && k.chars().anyMatch(Character::isWhitespace) ? "\"" + k.replace("\"", "") + "\"" : k;
    }

    /**
     * A source's cursor when it also searches keywords: its own cursor ({@code main}, in the
     * format it always had) and one position per keyword, stored as one string. Without keyword
     * positions the string is the plain main cursor, exactly as before keywords existed; with
     * them, a small JSON object {@code {"main":"…","keywords":{"acme":"…"}}}. A stored string
     * that is not such an object is a plain main cursor, so cursors stored before keywords keep
     * working.
     *
     * @param main the source's own cursor, or null on first start
     * @param keywords each keyword's position; a keyword without one starts with the backfill window
     * @param dms where the direct messages were read to, for a source that reads them; or null
     */
    public record Cursor(String main, Map<String, String> keywords, String dms) {
        public Cursor {
            keywords = Map.copyOf(keywords);
        }

        public Cursor(String main, Map<String, String> keywords) {
            this(main, keywords, null);
        }

        public static Cursor parse(Optional<String> stored) {
            if (stored.isEmpty() || stored.get().isBlank()) {
                return new Cursor(null, Map.of());
            }
            String s = stored.get().strip();
            if (s.startsWith("{")) {
                try {
                    JsonNode node = JsonHttp.JSON.readTree(s);
                    if (node.isObject() && (node.has("main") || node.has("keywords"))) {
                        Map<String, String> positions = new LinkedHashMap<>();
                        node.path("keywords").fields().forEachRemaining(e -> {
                            if (e.getValue().isTextual()) {
                                positions.put(e.getKey(), e.getValue().asText());
                            }
                        });
                        return new Cursor(JsonFields.text(node, "main"), positions, JsonFields.text(node, "dms"));
                    }
                } catch (JsonProcessingException e) {
                    // not ours: a plain cursor
                }
            }
            return new Cursor(stored.get(), Map.of());
        }

        public Optional<String> mainCursor() {
            return Optional.ofNullable(main);
        }

        public Optional<String> position(String keyword) {
            return Optional.ofNullable(keywords.get(keyword));
        }

        public Optional<String> dmsCursor() {
            return Optional.ofNullable(dms);
        }

        /** The string to store: the plain main cursor when no keyword (nor the DMs) has a position. */
        public String format() {
            if (keywords.isEmpty() && dms == null) {
                return main;
            }
            ObjectNode node = JsonHttp.JSON.createObjectNode();
            node.put("main", main);
            ObjectNode k = node.putObject("keywords");
            new java.util.TreeMap<>(keywords).forEach(k::put);
            if (dms != null) {
                node.put("dms", dms);
            }
            return node.toString();
        }
    }
}
