package dev.earshot.port;

import dev.earshot.core.Trend;
import java.util.Optional;

/** Draws a report's trend as a picture to attach; an adapter does the drawing. */
@FunctionalInterface
public interface ChartRenderer {
    /** Draws nothing: reports go out as text only. */
    ChartRenderer NONE = (name, trend) -> Optional.empty();

    /**
     * The trend as a PNG: received and answered per day, and the median first response.
     *
     * @param name the report's name, for the file name and the title
     */
    Optional<ChatPlatform.Image> trendChart(String name, Trend trend);
}
