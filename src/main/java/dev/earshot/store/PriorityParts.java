package dev.earshot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.earshot.core.Priority;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a priority in the {@code conversations.priority_parts} column, as JSON:
 * {@code [{"factor":"FOLLOWERS","points":40,"detail":"412000"}]}. A part this version does not know
 * (written by a later one) is left out rather than failing the read.
 */
final class PriorityParts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PriorityParts() {
    }

    static String encode(Priority p) {
        if (p.parts().isEmpty()) {
            return null;
        }
        ArrayNode parts = JSON.createArrayNode();
        for (Priority.Part part : p.parts()) {
            parts.addObject().put("factor", part.factor().name()).put("points", part.points()).put("detail", part.detail());
        }
        return parts.toString();
    }

    static List<Priority.Part> decode(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        List<Priority.Part> parts = new ArrayList<>();
        try {
            for (JsonNode n : JSON.readTree(column)) {
                factor(n.path("factor").asText()).ifPresent(f ->
                        parts.add(new Priority.Part(f, n.path("points").asInt(), n.path("detail").asText(""))));
            }
        } catch (JsonProcessingException e) {
            return List.of();
        }
        return parts;
    }

    private static java.util.Optional<Priority.Factor> factor(String name) {
        try {
            return java.util.Optional.of(Priority.Factor.valueOf(name));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
