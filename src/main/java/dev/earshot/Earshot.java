package dev.earshot;

import dev.earshot.app.Backoff;
import dev.earshot.app.CommandHandler;
import dev.earshot.app.Digests;
import dev.earshot.app.Dispatcher;
import dev.earshot.app.HealthBoard;
import dev.earshot.app.Inbox;
import dev.earshot.app.Poller;
import dev.earshot.app.Sources;
import dev.earshot.chat.shell.ShellChat;
import dev.earshot.chat.shell.ShellConsole;
import dev.earshot.config.DemoSourceConfig;
import dev.earshot.config.DigestConfig;
import dev.earshot.config.EarshotConfig;
import dev.earshot.config.SourceConfig;
import dev.earshot.core.Team;
import dev.earshot.ops.Metrics;
import dev.earshot.ops.OpsServer;
import dev.earshot.report.XChartRenderer;
import dev.earshot.port.SocialSource;
import dev.earshot.port.Store;
import dev.earshot.schedule.Jobs;
import dev.earshot.source.demo.DemoSource;
import dev.earshot.store.SqliteStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: reads the config and wires adapters to the application, in one flat list
 * of {@code new}s. Nothing else constructs adapters.
 */
public final class Earshot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Earshot.class);
    private static final Duration DISPATCH_EVERY = Duration.ofMillis(200);
    private static final Duration TICK_EVERY = Duration.ofSeconds(15);
    /** Docker gives 10 s between SIGTERM and SIGKILL; leave room for the store to close. */
    private static final Duration STOP_BOUND = Duration.ofSeconds(6);

    /** What the process brings: the clock, and the terminal for the shell chat. */
    public record Terminal(BufferedReader in, PrintStream out) {
    }

    private final Store store;
    private final Jobs jobs;
    private final Dispatcher dispatcher;
    private final OpsServer ops;
    private final ShellConsole console;
    private final List<DemoSource> demoSources;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean closed;

    private Earshot(Store store, Jobs jobs, Dispatcher dispatcher, OpsServer ops, ShellConsole console,
                    List<DemoSource> demoSources) {
        this.store = store;
        this.jobs = jobs;
        this.dispatcher = dispatcher;
        this.ops = ops;
        this.console = console;
        this.demoSources = demoSources;
    }

    /** Wires everything, does a first poll and drain (so the first cards show at once), starts the jobs. */
    public static Earshot start(EarshotConfig config, Clock clock, Terminal terminal) {
        ZoneId zone = config.team().timezone();
        Team team = config.toTeam();
        Store store = SqliteStore.open(Path.of(config.store().path()));
        HealthBoard health = new HealthBoard();
        Metrics metrics = new Metrics(() -> store.read(tx -> tx.outboxBacklog()),
                () -> store.read(tx -> tx.figures(clock.instant(), clock.instant()).waiting()));

        List<SocialSource> sourceList = new ArrayList<>();
        List<DemoSource> demoSources = new ArrayList<>();
        for (SourceConfig sc : config.sources()) {
            SocialSource source = source(sc, clock);
            sourceList.add(source);
            if (source instanceof DemoSource demo) {
                demoSources.add(demo);
            }
        }
        Sources sources = new Sources(sourceList);

        ShellChat chat = new ShellChat(terminal.out(), Path.of(config.store().path()).toAbsolutePath().getParent().resolve("reports"));
        String channel = config.chat().shell().channel();
        Inbox inbox = new Inbox(store, sources, config.priority().toRules(), message -> channel, clock, metrics);
        Dispatcher dispatcher = new Dispatcher(store, chat, sources, team, health, clock, zone,
                Backoff.standard(), Dispatcher.CrashPoints.NONE, metrics, new XChartRenderer());
        Digests digests = new Digests(store, team, clock, zone, digestSettings(config, channel));
        CommandHandler commands = new CommandHandler(inbox, team, clock, zone, digests);
        ShellConsole console = new ShellConsole(terminal.in(), chat, commands, team);

        List<Poller> pollers = sourceList.stream()
                .map(s -> new Poller(s, inbox, store, health, clock, Backoff.standard())).toList();
        pollers.forEach(Poller::pollOnce);
        drainAll(dispatcher);
        if (config.digest().enabled()) {
            // Catch-up (see Digests): today's digest, if its time has passed and it was not posted.
            digests.runDue();
            drainAll(dispatcher);
        }

        Jobs jobs = Jobs.start(3 + pollers.size()); // dispatch, tick, digest, and a poll per source
        for (int i = 0; i < pollers.size(); i++) {
            Poller poller = pollers.get(i);
            Duration every = config.sources().get(i).pollEvery();
            jobs.every("poll:" + sourceList.get(i).name(), every, every, poller::pollOnce);
        }
        jobs.every("dispatch", DISPATCH_EVERY, DISPATCH_EVERY, dispatcher::drainOnce);
        jobs.every("tick", TICK_EVERY, TICK_EVERY, inbox::wakeSnoozed);
        if (config.digest().enabled()) {
            jobs.dailyAt("digest", config.digest().at(), zone, digests::runDue);
        }

        OpsServer ops = null;
        if (config.ops().enabled()) {
            try {
                ops = OpsServer.start(config.ops().bind(), config.ops().port(), health, metrics);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + config.ops().bind() + ":"
                        + config.ops().port() + " for /healthz and /metrics", e);
            }
        }
        log.info("Earshot is ready: {}", config.describe());
        return new Earshot(store, jobs, dispatcher, ops, console, demoSources);
    }

    /** The digest's settings: the digest section, with the chat's channel unless it names another. */
    static Digests.Settings digestSettings(EarshotConfig config, String chatChannel) {
        DigestConfig digest = config.digest();
        return new Digests.Settings(digest.at(), digest.weekly(), digest.channelOr(chatChannel), digest.slaTarget(),
                digest.businessHours().toHours());
    }

    private static SocialSource source(SourceConfig config, Clock clock) {
        if (config instanceof DemoSourceConfig demo) {
            return new DemoSource(demo.name(), demo.seed(), demo.account(), clock);
        }
        throw new IllegalArgumentException("source " + config.name() + ": " + config.platform().displayName()
                + " sources are not available in this version yet");
    }

    /** Runs the terminal chat until end of input or /quit. */
    public void runConsole() {
        console.run();
    }

    /** Blocks until {@link #close()} ran (on SIGTERM, through the shutdown hook). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** The demo sources, for tests that check what the simulated customers received. */
    public List<DemoSource> demoSources() {
        return demoSources;
    }

    /** Sends whatever the outbox holds now, a few rounds at most (replies cause thread posts). */
    static void drainAll(Dispatcher dispatcher) {
        for (int round = 0; round < 5 && dispatcher.drainOnce() > 0; round++) {
            // each round may enqueue follow-up rows (a delivered reply posts in the thread)
        }
    }

    /** Graceful stop: no new polls or turns, a last drain of the outbox, then the store closes. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("Earshot is stopping");
        if (ops != null) {
            ops.stopping();
        }
        jobs.stop(STOP_BOUND);
        try {
            drainAll(dispatcher);
        } catch (RuntimeException e) {
            log.warn("last outbox drain failed; the rows stay for the next start", e);
        }
        if (ops != null) {
            ops.close();
        }
        store.close();
        log.info("Earshot stopped");
        stopped.countDown();
    }
}
