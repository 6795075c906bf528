package dev.earshot.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import dev.earshot.core.Spans;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Durations written as people type them ({@code 30s}, {@code 1h30m}), through the same
 * {@link Spans} parser the chat commands use. {@code 0s} is read as zero (Spans refuses it) so
 * that {@code backfill: 0s} can mean "none" and {@code pollEvery: 0s} gets a clear problem.
 */
final class SpanDeserializer extends StdScalarDeserializer<Duration> {
    private static final Pattern ZERO = Pattern.compile("(0+[wdhms])+");

    SpanDeserializer() {
        super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
        }
        String text = p.getText().strip();
        if (ZERO.matcher(text).matches()) {
            return Duration.ZERO;
        }
        try {
            return Spans.parse(text);
        } catch (IllegalArgumentException e) {
            return (Duration) ctxt.handleWeirdStringValue(Duration.class, text, "not a time span");
        }
    }
}
