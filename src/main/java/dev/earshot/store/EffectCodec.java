package dev.earshot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.earshot.core.Effect;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An {@link Effect} as an outbox row stores it: {@code kind} is the record's simple name,
 * {@code payload} its JSON. The kinds come from the sealed interface, so a new effect needs no
 * change here.
 */
final class EffectCodec {
    // Java time as ISO text, should an effect ever carry an Instant. Lenient on unknown fields:
    // a row written before a record lost a field must still be sent.
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Map<String, Class<?>> KINDS = Arrays.stream(Effect.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    static String kind(Effect effect) {
        return effect.getClass().getSimpleName();
    }

    static String kind(Class<? extends Effect> type) {
        return type.getSimpleName();
    }

    static String payload(Effect effect) {
        try {
            return JSON.writeValueAsString(effect);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + kind(effect) + " as JSON", e);
        }
    }

    static Effect decode(String kind, String payload) {
        Class<?> type = KINDS.get(kind);
        if (type == null) {
            throw new IllegalStateException("outbox row of unknown kind " + kind + "; known: " + KINDS.keySet());
        }
        try {
            return (Effect) JSON.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox row of kind " + kind + " holds unreadable JSON", e);
        }
    }

    private EffectCodec() {
    }
}
