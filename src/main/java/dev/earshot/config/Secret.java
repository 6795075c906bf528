package dev.earshot.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A token or password. Prints as {@code Secret[***]} so that logging a config (or a record
 * holding one) never leaks it; only {@link #reveal()} hands the value out, at the point of use.
 */
public final class Secret {
    private static final String REDACTED = "Secret[***]";

    private final String value;

    /** Trims, because a mounted secret file usually ends with a newline. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value").strip();
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** Redacted also when the config is written out with Jackson. */
    @JsonValue
    @Override
    public String toString() {
        return REDACTED;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
