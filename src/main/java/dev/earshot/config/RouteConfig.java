package dev.earshot.config;

import dev.earshot.core.MessageKind;
import dev.earshot.core.Routing;
import java.util.Locale;

/**
 * A routing rule as written in config: conversations whose first message matches go to
 * {@code channel}. Every condition set must hold; at least one must be set.
 *
 * @param source a source's name
 * @param kind dm, mention, reply, quote or keyword
 * @param keyword a word or phrase in the text, ignoring case
 */
public record RouteConfig(String source, String kind, String keyword, String channel) {

    Routing.Rule toRule() {
        return new Routing.Rule(source, kind == null || kind.isBlank() ? null : kindOf(kind), keyword, channel);
    }

    static MessageKind kindOf(String kind) {
        return MessageKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
    }
}
