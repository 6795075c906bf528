package dev.earshot.core;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Time spans as people type and read them: {@code 1h30m}, {@code 2d}, {@code 45m}, {@code 12m}. */
public final class Spans {
    private static final Pattern PART = Pattern.compile("(\\d{1,6})([wdhms])");

    private Spans() {
    }

    /** Parses {@code 1h30m}; throws IllegalArgumentException when the text is not a span. */
    public static Duration parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "w" -> Duration.ofDays(7 * n);
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            end = m.end();
        }
        if (s.isEmpty() || end != s.length() || total.isZero()) {
            throw new IllegalArgumentException("not a time span: " + text);
        }
        return total;
    }

    /** Short and human: {@code 45s}, {@code 12m}, {@code 3h 5m}, {@code 2d 4h}. */
    public static String format(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        long m = s / 60;
        if (m < 60) {
            return m + "m";
        }
        long h = m / 60;
        if (h < 24) {
            return m % 60 == 0 ? h + "h" : h + "h " + m % 60 + "m";
        }
        long days = h / 24;
        return h % 24 == 0 ? days + "d" : days + "d " + h % 24 + "h";
    }
}
