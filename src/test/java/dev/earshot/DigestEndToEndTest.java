package dev.earshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.config.ConfigLoader;
import dev.earshot.config.EarshotConfig;
import dev.earshot.testing.TestClock;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest wired as in production: config file, composition root, demo source, shell chat, the
 * real chart, the real scheduler; then {@code earshot digest --print} and {@code earshot export}.
 */
class DigestEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void startingAfterDigestTimePostsTodaysDigestsOnceWithTheChartSavedAndTheCommandLineReadsTheSameStore()
            throws Exception {
        Path config = dir.resolve("earshot.yml");
        Files.writeString(config, """
                team:
                  timezone: UTC
                  members: [{ name: alice, admin: true }, { name: bob }]
                store:
                  path: %s
                sources:
                  - { type: demo, name: demo }
                ops:
                  port: 0
                """.formatted(dir.resolve("data/earshot.db")));
        EarshotConfig loaded = ConfigLoader.load(config, name -> null);
        TestClock clock = TestClock.at("2026-11-23T10:00:00Z"); // a Monday, after 09:00

        String first = run(loaded, clock, "/earshot stats today\n/earshot digest\n");
        List<Path> charts = chartPaths(first);
        assertEquals(3, charts.size(), "daily and weekly at start, then one on demand:\n" + first);
        assertTrue(first.contains("📊 Daily digest · Sunday 22 November 2026 (UTC)"), first);
        assertTrue(first.contains("📊 Weekly digest · week 47, Mon 16 Nov – Sunday 22 November 2026 (UTC)"), first);
        assertTrue(first.contains("Stats for today · Mon 23 Nov (UTC)"), first);
        assertTrue(first.contains("The digest of yesterday is on its way to #support."), first);
        for (Path chart : charts) {
            assertNotNull(ImageIO.read(chart.toFile()), chart + " is a picture");
        }
        assertEquals(dir.resolve("data/reports/digest-2026-11-22.png"), charts.get(0));

        String second = run(loaded, clock, "");
        assertEquals(List.of(), chartPaths(second), "a restart the same day posts nothing again:\n" + second);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = withStdout(printed, () -> Main.commandLine().execute("digest", "--config", config.toString(), "--print"));
        String text = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(text.startsWith("Daily digest · "), text);
        Matcher saved = Pattern.compile("Trend chart \\(14 days\\): (\\S+\\.png)").matcher(text);
        assertTrue(saved.find(), text);
        assertEquals(dir.resolve("data"), Path.of(saved.group(1)).getParent(), "next to the database file");
        assertNotNull(ImageIO.read(Path.of(saved.group(1)).toFile()));

        Path csv = dir.resolve("log.csv");
        assertEquals(0, Main.commandLine().execute("export", "--config", config.toString(), "--since", "9999d",
                "--out", csv.toString()));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("\"id\",\"platform\",\"account\",\"author\",\"opened\",\"first_reply\",\"state\",\"owner\","
                + "\"priority\",\"first_message\"", lines.get(0));
        assertTrue(lines.get(1).startsWith("1,\"demo\",\"demo\","), lines.get(1));
        assertEquals(2, Main.commandLine().execute("export", "--config", config.toString(), "--since", "soon"));
    }

    private static String run(EarshotConfig config, TestClock clock, String typed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (Earshot earshot = Earshot.start(config, clock, new Earshot.Terminal(
                new BufferedReader(new StringReader(typed)), print))) {
            earshot.runConsole();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<Path> chartPaths(String output) {
        Matcher m = Pattern.compile("14 days to [^:]+: (\\S+\\.png)").matcher(output);
        List<Path> paths = new java.util.ArrayList<>();
        while (m.find()) {
            paths.add(Path.of(m.group(1)));
        }
        return paths;
    }

    private static int withStdout(ByteArrayOutputStream into, java.util.concurrent.Callable<Integer> work) throws Exception {
        PrintStream before = System.out;
        System.setOut(new PrintStream(into, true, StandardCharsets.UTF_8));
        try {
            return work.call();
        } finally {
            System.setOut(before);
        }
    }
}
