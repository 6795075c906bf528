package dev.earshot.chat.discord;

import dev.earshot.app.Application;
import dev.earshot.app.Backoff;
import dev.earshot.app.Digests;
import dev.earshot.app.FollowThrough;
import dev.earshot.app.HealthBoard;
import dev.earshot.app.Ingest;
import dev.earshot.app.Queries;
import dev.earshot.app.Sources;
import dev.earshot.app.outbox.Dispatcher;
import dev.earshot.app.Telemetry;
import dev.earshot.config.DiscordChatConfig;
import dev.earshot.config.Secret;
import dev.earshot.core.Member;
import dev.earshot.core.PriorityRules;
import dev.earshot.core.ReplyTemplate;
import dev.earshot.core.Team;
import dev.earshot.port.Store;
import dev.earshot.source.demo.DemoSource;
import dev.earshot.store.SqliteStore;
import dev.earshot.testing.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Earshot wired as in production around Discord, with a test clock: a real SQLite file, the demo
 * source, the Discord chat port against {@link FakeDiscord}, and (with {@link #connect}) JDA's
 * gateway session against {@link FakeGateway}, so interactions arrive as Discord sends them.
 */
public final class DiscordWorld implements AutoCloseable {
    public static final String CHANNEL = FakeDiscord.CHANNEL;

    public final TestClock clock = TestClock.at("2023-11-14T22:13:20Z");
    public final FakeDiscord fake = new FakeDiscord();
    final Team team = new Team(List.of(
            new Member("alice", Map.of("discord", DiscordPayloads.ALICE), false, false),
            new Member("bob", Map.of("discord", DiscordPayloads.BOB), false, true))); // bob confirms typed replies
    final HealthBoard health = new HealthBoard();
    final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 0.5);
    public final DemoSource demo = new DemoSource("demo", 42, "acme", clock);
    final Sources sources = new Sources(List.of(demo));
    final Path db;
    public final Store store;
    public final Application app;
    public final Ingest ingest;
    public final Queries queries;
    final List<ReplyTemplate> templates = List.of(
            new ReplyTemplate("thanks", "Thanks {customer}, {agent} here: we're on it ({id})."));
    final DiscordChat chat;
    public Dispatcher dispatcher;
    FakeGateway gateway;
    DiscordCommands commands;
    DiscordConnection connection;

    public DiscordWorld(Path dir) {
        db = dir.resolve("earshot.db");
        store = SqliteStore.open(db);
        app = new Application(store, sources, clock, Telemetry.NONE, new Application.Settings(team,
                PriorityRules.defaults(), m -> CHANNEL, FollowThrough.none(), Digests.Settings.defaults(null), templates));
        ingest = app.ingest();
        queries = app.queries();
        chat = new DiscordChat(new DiscordRest(HttpClient.newHttpClient(), URI.create(fake.apiUrl()), FakeDiscord.TOKEN));
        dispatcher = dispatcher(Dispatcher.CrashPoints.NONE);
    }

    Dispatcher dispatcher(Dispatcher.CrashPoints crash) {
        return new Dispatcher(store, chat, sources, team, health, clock, ZoneOffset.UTC, backoff, crash, Telemetry.NONE);
    }

    /** Opens the gateway session (JDA) against a fake gateway, with /earshot registered. */
    public DiscordWorld connect() {
        gateway = new FakeGateway();
        commands = new DiscordCommands(app.commands(), queries, team, FakeDiscord.GUILD, List.of(CHANNEL), templates);
        DiscordChatConfig config = new DiscordChatConfig(new Secret(FakeDiscord.TOKEN), FakeDiscord.GUILD, CHANNEL,
                URI.create(fake.apiUrl()), URI.create(gateway.url()));
        connection = DiscordConnection.start(config, chat, FakeDiscord.BOT, commands);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(connection::connected);
        return this;
    }

    /** A button click from a teammate (0 alice, 1 bob) arrives over the gateway; returns the interaction id. */
    public String click(int member, String customId) {
        var payload = DiscordPayloads.button(member == 0 ? DiscordPayloads.ALICE : DiscordPayloads.BOB, customId);
        gateway.interaction(payload);
        return payload.path("id").asText();
    }

    /** The demo customers write: four conversations, one with a follow-up. */
    public DiscordWorld poll() {
        app.poller(demo, health, backoff).pollOnce();
        return this;
    }

    /** Sends what the outbox holds, moving the clock a second at a time as the pacing needs. */
    public DiscordWorld drain() {
        return drain(dispatcher);
    }

    DiscordWorld drain(Dispatcher d) {
        for (int i = 0; i < 200 && store.read(tx -> tx.outboxBacklog()) > 0; i++) {
            d.drainOnce();
            clock.advance(Duration.ofMillis(1_000));
        }
        return this;
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            commands.close();
            gateway.shutdown();
        }
        fake.close();
        store.close();
    }
}
