package dev.earshot.testing;

import dev.earshot.app.Application;
import dev.earshot.app.Backoff;
import dev.earshot.app.Caller;
import dev.earshot.app.CareSettings;
import dev.earshot.app.CommandHandler;
import dev.earshot.app.Digests;
import dev.earshot.app.outbox.Dispatcher;
import dev.earshot.app.FollowThrough;
import dev.earshot.app.HealthAlerts;
import dev.earshot.app.HealthBoard;
import dev.earshot.app.Inbox;
import dev.earshot.app.Ingest;
import dev.earshot.app.Nudger;
import dev.earshot.app.Poller;
import dev.earshot.app.Queries;
import dev.earshot.app.Sources;
import dev.earshot.app.Telemetry;
import dev.earshot.core.Member;
import dev.earshot.core.PriorityRules;
import dev.earshot.core.Team;
import dev.earshot.port.SocialSource;
import dev.earshot.port.ChartRenderer;
import dev.earshot.port.Store;
import dev.earshot.source.demo.DemoSource;
import dev.earshot.store.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The application wired as in production, with a real SQLite file, the demo source (or any
 * source given), a recording chat and a clock the test moves. Back-off has no jitter so waits
 * are exact.
 */
public final class Harness implements AutoCloseable {
    public static final String START = "2026-11-23T09:00:00Z";
    public final TestClock clock;
    public final Path db;
    public Store store;
    /** The demo source, when the harness runs on it; null otherwise. */
    public final DemoSource demo;
    /** The source every poll reads: the demo unless a test gave another. */
    public final SocialSource source;
    public final Sources sources;
    public final Team team = new Team(List.of(
            new Member("alice", Map.of(), false, false),
            new Member("bob", Map.of(), false, false),
            new Member("carol", Map.of(), true, false)));
    public final RecordingChat chat;
    public final HealthBoard health = new HealthBoard();
    public final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 0.5);
    /** The application as production assembles it; {@link #ingest}, {@link #inbox}... are its parts. */
    public Application app;
    public Ingest ingest;
    public Inbox inbox;
    public Queries queries;
    public CommandHandler commands;
    /** Follow-through settings: none (nudges off) unless a test passes its own. */
    public final FollowThrough followThrough;
    public final PriorityRules priority;
    private final Supplier<Store> opener;
    public Nudger nudger;
    /** Digests to #support, with the default settings, on the follow-through's SLA clock (UTC). */
    public Digests digests;
    /** Social care's settings: all off unless a test passes its own. */
    public final CareSettings care;

    public Harness(Path dir) {
        this(dir, new RecordingChat());
    }

    public Harness(Path dir, RecordingChat chat) {
        this(dir, chat, TestClock.at(START), null, FollowThrough.none(), PriorityRules.defaults());
    }

    /**
     * Runs on {@code source} (an X source against a fake, say), whose clock must be {@code clock}.
     * A second harness on the same folder is the same install after a restart.
     */
    public Harness(Path dir, TestClock clock, SocialSource source) {
        this(dir, new RecordingChat(), clock, c -> source, FollowThrough.none(), PriorityRules.defaults());
    }

    /** Runs on {@code source} with the team's hours and social care's settings (after hours, spikes, costs). */
    public Harness(Path dir, TestClock clock, SocialSource source, FollowThrough followThrough, CareSettings care) {
        this(dir, new RecordingChat(), clock, c -> source, followThrough, PriorityRules.defaults(), care, null);
    }

    /** Wired with {@code source} (built on {@link #clock}, for instance) instead of the demo; null means the demo. */
    public Harness(Path dir, RecordingChat chat, Function<TestClock, SocialSource> source) {
        this(dir, chat, TestClock.at(START), source, FollowThrough.none(), PriorityRules.defaults());
    }

    public Harness(Path dir, RecordingChat chat, FollowThrough followThrough, PriorityRules priority) {
        this(dir, chat, TestClock.at(START), null, followThrough, priority);
    }

    /**
     * The same wiring on another store (PostgreSQL, say), which {@code opener} opens, again at each
     * {@link #restart()}; {@link #db} then names no file.
     */
    public Harness(Path dir, Supplier<Store> opener) {
        this(dir, new RecordingChat(), TestClock.at(START), null, FollowThrough.none(), PriorityRules.defaults(),
                CareSettings.none(), opener);
    }

    private Harness(Path dir, RecordingChat chat, TestClock clock, Function<TestClock, SocialSource> source,
                    FollowThrough followThrough, PriorityRules priority) {
        this(dir, chat, clock, source, followThrough, priority, CareSettings.none(), null);
    }

    private Harness(Path dir, RecordingChat chat, TestClock clock, Function<TestClock, SocialSource> source,
                    FollowThrough followThrough, PriorityRules priority, CareSettings care, Supplier<Store> opener) {
        this.care = care;
        this.db = dir.resolve("earshot.db");
        this.opener = opener == null ? () -> SqliteStore.open(db) : opener;
        this.chat = chat;
        this.clock = clock;
        this.source = source == null ? new DemoSource("demo", 42, "acme", clock) : source.apply(clock);
        this.demo = this.source instanceof DemoSource d ? d : null;
        this.sources = new Sources(List.of(this.source));
        this.followThrough = followThrough;
        this.priority = priority;
        open();
    }

    /** Opens (or reopens, as after a restart) the store and everything that holds it. */
    public void open() {
        store = opener.get();
        health.watch(new HealthAlerts(store, sources, "support", clock));
        app = new Application(store, sources, clock, Telemetry.NONE, settings());
        ingest = app.ingest();
        inbox = app.inbox();
        queries = app.queries();
        nudger = app.nudger();
        digests = app.digests();
        commands = app.commands();
    }

    /** The team's settings here: every conversation goes to #support, digests too. */
    public Application.Settings settings() {
        return new Application.Settings(team, priority, m -> "support", followThrough,
                Digests.Settings.defaults("support"), List.of(), care);
    }

    public void restart() {
        store.close();
        open();
    }

    public Dispatcher dispatcher(Dispatcher.CrashPoints crashPoints) {
        return new Dispatcher(store, chat, sources, team, health, clock, ZoneOffset.UTC, backoff, crashPoints,
                Telemetry.NONE);
    }

    public Dispatcher dispatcher(Dispatcher.CrashPoints crashPoints, ChartRenderer charts) {
        return new Dispatcher(store, chat, sources, team, health, clock, ZoneOffset.UTC, backoff, crashPoints,
                Telemetry.NONE, charts);
    }

    public Dispatcher dispatcher() {
        return dispatcher(Dispatcher.CrashPoints.NONE);
    }

    public Poller poller() {
        return app.poller(source, health, backoff);
    }

    /** What {@code member} sees after typing {@code line}. */
    public String as(String member, String line) {
        return commands.answer(Caller.member(team.require(member)), line).text();
    }

    /** Drains until nothing more is due now. */
    public void drain(Dispatcher dispatcher) {
        for (int i = 0; i < 20 && dispatcher.drainOnce() > 0; i++) {
            // a delivered reply enqueues thread posts and a card update
        }
    }

    public int outboxBacklog() {
        return store.read(tx -> tx.outboxBacklog());
    }

    @Override
    public void close() {
        store.close();
    }
}
