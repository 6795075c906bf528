package dev.earshot.core;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The after-hours acknowledgement: outside business hours, a customer who wrote to the brand
 * (a mention, reply, quote, or a direct message when {@code directMessages}) gets one answer from
 * a template, at most once per closed period. A keyword match is never answered: that customer
 * did not write to the brand. The closed period is named by the moment the team opens again.
 *
 * @param template with the fields {@code {customer}} (display name), {@code {handle}} ({@code @jane})
 *     and {@code {opens}} ({@code Mon 09:00 CET})
 */
public record AfterHoursAck(boolean enabled, String template, boolean directMessages) {
    public static final String DEFAULT_TEMPLATE = "Thanks {customer}, our team is back at {opens}; we'll answer you then.";
    public static final List<String> FIELDS = List.of("customer", "handle", "opens");
    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z_]+)}");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("z", Locale.ENGLISH);

    public AfterHoursAck {
        template = template == null || template.isBlank() ? DEFAULT_TEMPLATE : template.strip();
    }

    public static AfterHoursAck off() {
        return new AfterHoursAck(false, null, true);
    }

    /**
     * When {@code m}, ingested at {@code now}, deserves the acknowledgement: the end of the closed
     * period it was written in (when the team opens). Empty when the team is at work, when the
     * message is not addressed to the brand, or when it was written before the team last closed (a
     * late backfill of an earlier period).
     */
    public Optional<Instant> period(BusinessHours hours, Message m, Instant now) {
        if (!enabled || !addressedToBrand(m) || hours.isOpen(now)) {
            return Optional.empty();
        }
        Optional<Instant> closed = hours.lastClosing(now);
        if (closed.isPresent() && m.createdAt().isBefore(closed.get())) {
            return Optional.empty();
        }
        return hours.nextOpening(now);
    }

    boolean addressedToBrand(Message m) {
        return m.kind() != MessageKind.KEYWORD && (m.kind() != MessageKind.DM || directMessages);
    }

    /** The answer to {@code customer}, with the team's opening time said in its own zone. */
    public String text(Author customer, Instant opens, ZoneId zone) {
        Map<String, String> values = Map.of("customer", customer.displayName(), "handle", "@" + customer.handle(),
                "opens", when(opens, zone));
        Matcher f = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (f.find()) {
            String value = values.get(f.group(1));
            f.appendReplacement(out, Matcher.quoteReplacement(value == null ? f.group() : value));
        }
        f.appendTail(out);
        return out.toString();
    }

    /** {@code Mon 09:00 CET}, {@code Mon 09:00 UTC}: a moment of the coming week as a customer reads it. */
    public static String when(Instant at, ZoneId zone) {
        String name = zone.normalized() instanceof java.time.ZoneOffset o && o.getTotalSeconds() == 0 ? "UTC"
                : ZONE.format(at.atZone(zone));
        return DAY_TIME.format(at.atZone(zone)) + " " + name;
    }

    /** Fields written in {@code text} that are not among {@link #FIELDS}. */
    public static List<String> unknownFields(String text) {
        List<String> unknown = new ArrayList<>();
        Matcher f = FIELD.matcher(text == null ? "" : text);
        while (f.find()) {
            if (!FIELDS.contains(f.group(1))) {
                unknown.add(f.group(1));
            }
        }
        return unknown;
    }
}
