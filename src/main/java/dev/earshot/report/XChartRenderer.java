package dev.earshot.report;

import dev.earshot.core.Trend;
import dev.earshot.port.ChartRenderer;
import dev.earshot.port.ChatPlatform;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.style.Styler;

/**
 * The digest's trend chart: bars of received and answered conversations per day, and a line of
 * the median first response (minutes, right axis). A PNG of a fixed size, drawn headless.
 */
public final class XChartRenderer implements ChartRenderer {
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 500;
    private static final DateTimeFormatter TITLE_DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    static {
        // A server has no display; Java2D draws into memory. Set before AWT loads, respected after.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    @Override
    public Optional<ChatPlatform.Image> trendChart(String name, Trend trend) {
        if (trend.days().isEmpty()) {
            return Optional.empty();
        }
        TrendSeries series = TrendSeries.of(trend);
        String title = trend.days().size() + " days to " + TITLE_DAY.format(trend.days().get(trend.days().size() - 1).date());
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .yAxisTitle("conversations").build();
        style(chart);
        chart.addSeries("received", series.days(), series.received()).setFillColor(new Color(0x4C78A8));
        chart.addSeries("answered", series.days(), series.answered()).setFillColor(new Color(0x59A14F));
        if (series.medianMinutes().stream().anyMatch(m -> m != null)) {
            CategorySeries median = chart.addSeries("median first response (min)", series.days(), series.medianMinutes());
            median.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
            median.setYAxisGroup(1);
            median.setLineColor(new Color(0xE15759));
            median.setMarkerColor(new Color(0xE15759));
            chart.setYAxisGroupTitle(1, "minutes");
            chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        }
        try {
            byte[] png = ChartEncoder.getBytes(chart, "png");
            return Optional.of(new ChatPlatform.Image(name + ".png", title, png));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart of " + name, e);
        }
    }

    private static void style(CategoryChart chart) {
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#");
        chart.getStyler().setXAxisMaxLabelCount(14);
    }
}
