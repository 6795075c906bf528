package dev.earshot.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A saved reply the team picks from, with {@code {name}} fields filled in when it is picked:
 * {@code {customer}} (their display name), {@code {handle}} ({@code @jane}), {@code {agent}} (the
 * teammate), {@code {platform}} and {@code {id}} ({@code #12}). Plain substitution, no template
 * engine: the values are text and stay text.
 */
public record ReplyTemplate(String name, String text) {
    public static final List<String> FIELDS = List.of("customer", "handle", "agent", "platform", "id");
    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z_]+)}");

    public ReplyTemplate {
        if (name == null || name.isBlank() || text == null || text.isBlank()) {
            throw new IllegalArgumentException("a template needs a name and a text");
        }
    }

    /** The text with each known field replaced; an unknown field stays as written. */
    public String fill(Map<String, String> values) {
        Matcher m = FIELD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = FIELDS.contains(m.group(1)) ? values.get(m.group(1)) : null;
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The values of the fields for one conversation and the teammate answering it. */
    public static Map<String, String> values(Conversation c, Author customer, String agent) {
        return Map.of("customer", customer.displayName(), "handle", "@" + customer.handle(), "agent", agent,
                "platform", c.platform().displayName(), "id", c.ref());
    }

    /** Fields written in {@code text} that are not among {@link #FIELDS}. */
    public static List<String> unknownFields(String text) {
        List<String> unknown = new ArrayList<>();
        Matcher m = FIELD.matcher(text == null ? "" : text);
        while (m.find()) {
            if (!FIELDS.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }
}
