package dev.earshot.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.Trend;
import dev.earshot.port.ChatPlatform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class XChartRendererTest {
    static Trend fourteenDays() {
        List<Trend.Day> days = new ArrayList<>();
        LocalDate first = LocalDate.of(2026, 11, 10);
        for (int i = 0; i < 14; i++) {
            days.add(new Trend.Day(first.plusDays(i), 10 + i, 8 + i % 3, i == 4 ? null : Duration.ofSeconds(90L * (i + 1))));
        }
        return new Trend(days);
    }

    @Test
    void theChartIsAPngOfTheFixedSize() throws IOException {
        Optional<ChatPlatform.Image> image = new XChartRenderer().trendChart("digest-2026-11-23", fourteenDays());
        assertTrue(image.isPresent());
        byte[] png = image.get().png();
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), "PNG signature");
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(read, "ImageIO reads it");
        assertEquals(XChartRenderer.WIDTH, read.getWidth());
        assertEquals(XChartRenderer.HEIGHT, read.getHeight());
        assertEquals("digest-2026-11-23.png", image.get().fileName());
        assertEquals("14 days to Mon 23 Nov 2026", image.get().title());
    }

    @Test
    void theSeriesAreTheTrendsValuesDayByDay() {
        TrendSeries s = TrendSeries.of(fourteenDays());
        assertEquals(14, s.days().size());
        assertEquals("Tue 10", s.days().get(0));
        assertEquals("Mon 23", s.days().get(13));
        assertEquals(List.of(10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23), s.received());
        assertEquals(List.of(8, 9, 10, 8, 9, 10, 8, 9, 10, 8, 9, 10, 8, 9), s.answered());
        assertEquals(1.5, s.medianMinutes().get(0), "90 s is 1.5 minutes");
        assertEquals(null, s.medianMinutes().get(4), "no answer that day: a gap, not a zero");
        assertEquals(21.0, s.medianMinutes().get(13));
    }

    @Test
    void aQuietFortnightStillDrawsAChart() throws IOException {
        List<Trend.Day> days = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            days.add(new Trend.Day(LocalDate.of(2026, 3, 16).plusDays(i), 0, 0, null));
        }
        byte[] png = new XChartRenderer().trendChart("quiet", new Trend(days)).orElseThrow().png();
        assertEquals(XChartRenderer.WIDTH, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
    }
}
