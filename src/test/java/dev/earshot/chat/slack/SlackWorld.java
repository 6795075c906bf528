package dev.earshot.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import dev.earshot.app.Application;
import dev.earshot.app.Backoff;
import dev.earshot.app.Caller;
import dev.earshot.app.Digests;
import dev.earshot.app.FollowThrough;
import dev.earshot.app.outbox.Dispatcher;
import dev.earshot.app.HealthBoard;
import dev.earshot.app.Ingest;
import dev.earshot.app.Queries;
import dev.earshot.app.Sources;
import dev.earshot.app.Telemetry;
import dev.earshot.config.Secret;
import dev.earshot.config.SlackChatConfig;
import dev.earshot.core.Member;
import dev.earshot.core.PriorityRules;
import dev.earshot.core.ReplyTemplate;
import dev.earshot.core.Team;
import dev.earshot.port.Store;
import dev.earshot.source.demo.DemoSource;
import dev.earshot.store.SqliteStore;
import dev.earshot.testing.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Earshot wired as in production around Slack: a real SQLite file, the demo source, the Slack
 * chat port and the Bolt app in HTTP mode on 127.0.0.1 (port 0), all talking to {@link FakeSlack}.
 * Requests are posted to {@code /slack/events} with real signatures, as Slack posts them.
 */
public final class SlackWorld implements AutoCloseable {
    public static final String CHANNEL = "C0SUPPORT";
    static final String SECRET = "fake-signing-secret";
    public static final String ALICE = "U0ALICE";
    public static final String BOB = "U0BOB";
    public static final String CAROL = "U0CAROL";

    static {
        // Async answers come within milliseconds; poll for them often rather than every 100 ms.
        org.awaitility.Awaitility.setDefaultPollDelay(Duration.ZERO);
        org.awaitility.Awaitility.setDefaultPollInterval(Duration.ofMillis(10));
    }

    public final TestClock clock = TestClock.at("2023-11-14T22:13:20Z");
    public final FakeSlack fake = new FakeSlack();
    /** Dan sees his typed replies first, with Send and Cancel; the others' go at once. */
    public static final String DAN = "U0DAN";
    final Team team = new Team(List.of(
            new Member("alice", Map.of("slack", ALICE), false, false),
            new Member("bob", Map.of("slack", BOB), false, false),
            new Member("carol", Map.of("slack", CAROL), true, false),
            new Member("dan", Map.of("slack", DAN), false, true)));
    final HealthBoard health = new HealthBoard();
    final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 0.5);
    public final DemoSource demo = new DemoSource("demo", 42, "acme", clock);
    final Sources sources = new Sources(List.of(demo));
    public final Store store;
    public final Application app;
    public final Ingest ingest;
    public final Queries queries;
    final SlackChat chat;
    public final Dispatcher dispatcher;
    final SlackCommands commands;
    public final SlackConnection connection;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger answers = new AtomicInteger();
    private final Path dbDir;

    /**
     * A folder in memory (tmpfs) when the machine has one: the store syncs every commit to disk,
     * which these tests do not exercise and which would only make them slow. The store's own
     * tests run on a real disk.
     */
    private static Path fastDisk(Path fallback) {
        Path shm = Path.of("/dev/shm");
        if (java.nio.file.Files.isDirectory(shm) && java.nio.file.Files.isWritable(shm)) {
            try {
                return java.nio.file.Files.createTempDirectory(shm, "earshot-slack-");
            } catch (IOException e) {
                return fallback;
            }
        }
        return fallback;
    }

    public SlackWorld(Path dir) {
        this(dir, s -> s, null);
    }

    SlackWorld(Path dir, UnaryOperator<Store> wrap) {
        this(dir, wrap, null);
    }

    /** In Socket Mode against the given fake WebSocket end. */
    static SlackWorld socketMode(Path dir, FakeSocketMode socket) {
        return new SlackWorld(dir, s -> s, socket);
    }

    /**
     * @param wrap lets a test slow the store down (the acks must not wait for it)
     * @param socket Socket Mode against this fake; HTTP mode when null
     */
    SlackWorld(Path dir, UnaryOperator<Store> wrap, FakeSocketMode socket) {
        this(dir, wrap, socket, SlackHttpEndpoint.Limits.DEFAULT);
    }

    /** In HTTP mode with these limits on unsigned requests. */
    SlackWorld(Path dir, SlackHttpEndpoint.Limits limits) {
        this(dir, s -> s, null, limits);
    }

    private SlackWorld(Path dir, UnaryOperator<Store> wrap, FakeSocketMode socket, SlackHttpEndpoint.Limits limits) {
        this.dbDir = fastDisk(dir);
        store = wrap.apply(SqliteStore.open(dbDir.resolve("earshot.db")));
        List<ReplyTemplate> templates = List.of(
                new ReplyTemplate("thanks", "Thanks {customer}, {agent} here: we're on it ({id})."));
        app = new Application(store, sources, clock, Telemetry.NONE, new Application.Settings(team,
                PriorityRules.defaults(), m -> CHANNEL, FollowThrough.none(), Digests.Settings.defaults(null), templates));
        ingest = app.ingest();
        queries = app.queries();
        var slack = SlackClients.slack(URI.create(fake.apiUrl()));
        chat = new SlackChat(slack.methods(FakeSlack.BOT_TOKEN), clock);
        dispatcher = new Dispatcher(store, chat, sources, team, health, clock, ZoneOffset.UTC, backoff,
                Dispatcher.CrashPoints.NONE, Telemetry.NONE);
        commands = new SlackCommands(app.commands(), team, FakeSlack.TEAM, List.of(CHANNEL, "C0VIP"), templates);
        SlackChatConfig config = socket == null
                ? new SlackChatConfig(SlackChatConfig.Mode.HTTP, new Secret(FakeSlack.BOT_TOKEN), null,
                        new Secret(SECRET), 0, URI.create(fake.apiUrl()), CHANNEL)
                : new SlackChatConfig(SlackChatConfig.Mode.SOCKET, new Secret(FakeSlack.BOT_TOKEN),
                        new Secret(FakeSlack.APP_TOKEN), null, null, URI.create(fake.apiUrl()), CHANNEL);
        if (socket != null) {
            fake.socketModeUrl(socket.url());
        }
        try {
            connection = SlackConnection.start(config, slack, commands, clock, "127.0.0.1", limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo customers write: four conversations, one with a follow-up. */
    public SlackWorld poll() {
        app.poller(demo, health, backoff).pollOnce();
        return this;
    }

    /** Sends what the outbox holds, moving the clock a second at a time as the pacing needs. */
    public SlackWorld drain() {
        for (int i = 0; i < 200 && store.read(tx -> tx.outboxBacklog()) > 0; i++) {
            dispatcher.drainOnce();
            clock.advance(Duration.ofMillis(1_000));
        }
        return this;
    }

    /** What {@code member} sees after typing {@code line} (not through Slack). */
    String as(String member, String line) {
        return app.commands().answer(Caller.member(team.require(member)), line).text();
    }

    String newResponseUrl(String who) {
        return fake.responseUrl(who + "-" + answers.incrementAndGet());
    }

    public HttpResponse<String> click(String user, String team, String actionId, long id) {
        return post(SlackPayloads.form(SlackPayloads.click(user, team, actionId, Long.toString(id), CHANNEL,
                newResponseUrl(user))));
    }

    HttpResponse<String> command(String user, String team, String channel, String text) {
        return post(SlackPayloads.slash(user, team, channel, text, newResponseUrl(user)));
    }

    HttpResponse<String> submit(ObjectNode payload) {
        return post(SlackPayloads.form(payload));
    }

    /** A POST signed now, as Slack signs it. */
    HttpResponse<String> post(String body) {
        String ts = Long.toString(clock.instant().getEpochSecond());
        return post(body, ts, new SlackSignature.Generator(SECRET).generate(ts, body));
    }

    HttpResponse<String> post(String body, String timestamp, String signature) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connection.httpPort()
                        + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What was said back to a user through response_url, in order. */
    public List<String> answersTo(String user) {
        return fake.responses().stream().filter(r -> r.get("_url").asText().startsWith("/respond/" + user + "-"))
                .map(r -> r.path("text").asText()).toList();
    }

    List<JsonNode> cards() {
        return fake.topLevel(CHANNEL).stream().map(p -> p.blocks).toList();
    }

    @Override
    public void close() {
        connection.close();
        commands.close();
        fake.close();
        store.close();
        if (dbDir.startsWith("/dev/shm")) {
            try (var files = java.nio.file.Files.walk(dbDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a leftover folder in memory goes with the next reboot
            }
        }
    }
}
