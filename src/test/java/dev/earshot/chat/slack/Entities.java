package dev.earshot.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Finds Slack entities ({@code <…>}) in text and in every string of a Block Kit tree. */
final class Entities {
    private Entities() {
    }

    /** Each {@code <…>} in the text; an unclosed {@code <} counts as an entity too. */
    static List<String> in(String text) {
        List<String> found = new ArrayList<>();
        for (int i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
            int end = text.indexOf('>', i);
            found.add(end < 0 ? text.substring(i) : text.substring(i, end + 1));
        }
        return found;
    }

    static List<String> in(JsonNode node) {
        List<String> found = new ArrayList<>();
        if (node == null) {
            return found;
        }
        if (node.isTextual()) {
            found.addAll(in(node.asText()));
        }
        node.forEach(child -> found.addAll(in(child)));
        return found;
    }

    /** The entities in {@code found} that are not among those our templates make. */
    static List<String> foreign(List<String> found, Set<String> ours) {
        return found.stream().filter(e -> !ours.contains(e)).toList();
    }
}
