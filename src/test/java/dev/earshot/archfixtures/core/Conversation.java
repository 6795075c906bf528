package dev.earshot.archfixtures.core;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Keeps every rule: core on the JDK basics and their sub-packages. */
public record Conversation(long id, Instant opened, List<String> texts, BigDecimal score) {
    private static final Pattern PING = Pattern.compile("@\\w+");

    public boolean any(Predicate<String> test) {
        return texts.stream().map(t -> Normalizer.normalize(t, Normalizer.Form.NFC)).anyMatch(test)
                || texts.stream().anyMatch(t -> PING.matcher(t).find());
    }
}
