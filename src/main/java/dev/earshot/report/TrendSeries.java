package dev.earshot.report;

import dev.earshot.core.Trend;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The three series the trend chart draws, one value per day: what the renderer hands to XChart,
 * kept apart so that a test can check the data without reading pixels.
 *
 * @param days the x-axis labels ({@code Mon 23})
 * @param received conversations opened per day
 * @param answered of those, answered (by the time of the report)
 * @param medianMinutes median first response in minutes; null where nothing was answered (a gap in the line)
 */
record TrendSeries(List<String> days, List<Integer> received, List<Integer> answered, List<Double> medianMinutes) {
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("EEE d", Locale.ENGLISH);

    static TrendSeries of(Trend trend) {
        List<Trend.Day> days = trend.days();
        return new TrendSeries(
                days.stream().map(d -> LABEL.format(d.date())).toList(),
                days.stream().map(Trend.Day::received).toList(),
                days.stream().map(Trend.Day::answered).toList(),
                // Arrays.asList keeps the nulls (List.of would refuse them); XChart leaves a gap there.
                java.util.Arrays.asList(days.stream().map(d -> d.medianFirstResponse() == null ? null
                        : Math.round(d.medianFirstResponse().toSeconds() / 6.0) / 10.0).toArray(Double[]::new)));
    }
}
