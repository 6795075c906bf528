package dev.earshot.core;

import java.util.List;
import java.util.Locale;

/**
 * Which chat channel a new conversation goes to: the first rule that matches its first message
 * wins; the default channel takes the rest.
 */
public record Routing(List<Rule> rules, String defaultChannel) {
    public Routing {
        rules = List.copyOf(rules);
        if (defaultChannel == null || defaultChannel.isBlank()) {
            throw new IllegalArgumentException("routing needs a default channel");
        }
    }

    public static Routing to(String channel) {
        return new Routing(List.of(), channel);
    }

    public String channelFor(Message message) {
        return rules.stream().filter(r -> r.matches(message)).map(Rule::channel).findFirst().orElse(defaultChannel);
    }

    /** Every channel a card may go to, the default first. */
    public List<String> channels() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(defaultChannel), rules.stream().map(Rule::channel))
                .distinct().toList();
    }

    /**
     * One rule; each condition that is set must hold (null means any).
     *
     * @param source the source's configured name
     * @param keyword matched in the message text, ignoring case
     */
    public record Rule(String source, MessageKind kind, String keyword, String channel) {
        public Rule {
            if (channel == null || channel.isBlank()) {
                throw new IllegalArgumentException("a route needs a channel");
            }
            keyword = keyword == null || keyword.isBlank() ? null : keyword.strip().toLowerCase(Locale.ROOT);
            source = source == null || source.isBlank() ? null : source.strip();
        }

        boolean matches(Message m) {
            return (source == null || source.equals(m.account()))
                    && (kind == null || kind == m.kind())
                    && (keyword == null || m.text().toLowerCase(Locale.ROOT).contains(keyword));
        }
    }
}
