package dev.earshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as an operator uses it: exit codes and what is printed. */
class MainTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream realOut;
    private PrintStream realErr;
    private InputStream realIn;

    @BeforeEach
    void capture() {
        realOut = System.out;
        realErr = System.err;
        realIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(realOut);
        System.setErr(realErr);
        System.setIn(realIn);
    }

    private int run(String... args) {
        return Main.commandLine().execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void checkConfigAcceptsTheExample() {
        assertEquals(0, run("check-config", "config.example.yml"));
        assertTrue(out().contains("config.example.yml: OK"), out());
        assertTrue(out().contains("chat: shell #support"), out());
    }

    @Test
    void discordInvitePrintsTheUrlWithExactlyThePermissionsUsed() throws Exception {
        Path file = dir.resolve("discord.yml");
        Files.writeString(file, """
                team: { members: [ { name: alice, discord: "100000000000000001" } ] }
                chat: { discord: { token: "MTAwMDAwMDAwMDAwMDAwMDAx.GhIjKl.fake-secret-part", guild: "800000000000000001",
                        channel: "700000000000000001" } }
                sources: [ { type: demo, name: demo } ]
                """);
        assertEquals(0, run("discord-invite", "--config", file.toString()), err());
        // view channel, send messages, embed links, attach files, read history, create public threads,
        // send messages in threads: 1024 + 2048 + 16384 + 32768 + 65536 + 2^35 + 2^38
        assertEquals("https://discord.com/oauth2/authorize?client_id=100000000000000001&scope=bot+applications.commands"
                + "&permissions=309237763072&guild_id=800000000000000001&disable_guild_select=true", out().strip());
        assertFalse(out().contains("fake-secret-part"));
    }

    @Test
    void checkConfigListsEveryProblemAndFails() throws Exception {
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, """
                team:
                  timezone: Mars/Olympus
                  members: []
                sources:
                  - { type: mastodon, name: m, instance: http://mastodon.example, accessToken: "${NOPE_TOKEN}" }
                """);
        assertEquals(2, run("check-config", file.toString()));
        assertTrue(err().contains("team.timezone"), err());
        assertTrue(err().contains("team.members"), err());
        assertTrue(err().contains("NOPE_TOKEN"), err());
        assertTrue(err().contains("sources[0].instance"), err());
        assertEquals("", out());
    }

    @Test
    void brokenYamlSaysWhere() throws Exception {
        Path file = dir.resolve("broken.yml");
        Files.writeString(file, "team:\n  members: [ { name: alice }\nsources: oops: x\n");
        assertEquals(2, run("check-config", file.toString()));
        assertTrue(err().contains("line"), err());
    }

    @Test
    void aMissingFileIsAClearError() {
        assertEquals(2, run("check-config", dir.resolve("nope.yml").toString()));
        assertTrue(err().contains("nope.yml"), err());
    }

    @Test
    void runRefusesABadConfigBeforeStartingAnything() throws Exception {
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, "team: { members: [] }\n");
        assertEquals(2, run("run", "--config", file.toString()));
        assertTrue(err().contains("team.members"), err());
    }

    @Test
    void versionAndHelp() {
        assertEquals(0, run("--version"));
        assertTrue(out().startsWith("earshot 0.1.0"), out());
        assertEquals(0, run("--help"));
        assertTrue(out().contains("demo"), out());
        assertTrue(out().contains("check-config"), out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "demo", "check-config", "digest", "export"})
    void everySubCommandExplainsItselfWithoutItsRequiredOptions(String command) {
        assertEquals(0, run(command, "--help"));
        assertTrue(out().startsWith("Usage: earshot " + command), out());
        assertTrue(out().contains("-h, --help"), out());
        assertEquals("", err());
    }

    @Test
    void aSubCommandStillRefusesAMissingRequiredOption() {
        assertEquals(2, run("run"));
        assertTrue(err().contains("Missing required option: '--config=<config>'"), err());
    }

    @Test
    void demoShowsCardsAndStopsAtTheEndOfInput() {
        System.setIn(new ByteArrayInputStream("/earshot queue\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, run("demo", "--data", dir.toString(), "--seed", "7"));
        assertTrue(out().startsWith("Earshot demo: simulated customers write to @acme"), out());
        assertTrue(out().contains(dir.resolve("demo-7.db").toString()), out());
        assertTrue(out().contains("┌ #1 "), "the first card: " + out());
        assertTrue(Files.exists(dir.resolve("demo-7.db")));
    }

    @Test
    void digestPrintsYesterdaysFigures() throws Exception {
        Path file = dir.resolve("earshot.yml");
        Files.writeString(file, """
                team: { members: [{ name: alice }] }
                store: { path: %s }
                sources: [{ type: demo, name: demo }]
                """.formatted(dir.resolve("earshot.db")));
        assertEquals(0, run("digest", "--config", file.toString(), "--print"));
        assertTrue(out().startsWith("Daily digest · "), out());
        assertTrue(out().contains("Received"), out());
        assertTrue(out().contains(".png"), "the chart's path: " + out());
    }
}
