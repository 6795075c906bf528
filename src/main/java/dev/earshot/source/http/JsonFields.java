package dev.earshot.source.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reading the few field types platforms send: text that may be null, and ISO-8601 times. */
public final class JsonFields {
    private JsonFields() {
    }

    /** The field's text, or null when it is missing or JSON null. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    /** An ISO-8601 time with an offset ({@code 2026-11-23T09:00:00.000Z}, {@code ...+00:00}). */
    public static Optional<Instant> instant(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static Optional<Instant> instant(JsonNode node, String field) {
        return instant(text(node, field));
    }
}
