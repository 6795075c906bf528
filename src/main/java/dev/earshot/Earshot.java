package dev.earshot;

import dev.earshot.app.Application;
import dev.earshot.app.Backoff;
import dev.earshot.app.HealthAlerts;
import dev.earshot.app.HealthBoard;
import dev.earshot.app.Leases;
import dev.earshot.app.Poller;
import dev.earshot.app.SourceLeases;
import dev.earshot.app.Sources;
import dev.earshot.app.outbox.Dispatcher;
import dev.earshot.chat.discord.DiscordLink;
import dev.earshot.chat.shell.ShellChat;
import dev.earshot.chat.shell.ShellConsole;
import dev.earshot.chat.slack.SlackLink;
import dev.earshot.config.EarshotConfig;
import dev.earshot.config.InstanceConfig;
import dev.earshot.config.StoreConfig;
import dev.earshot.core.Team;
import dev.earshot.port.ChatPlatform;
import dev.earshot.ops.Metrics;
import dev.earshot.ops.OpsServer;
import dev.earshot.report.XChartRenderer;
import dev.earshot.port.SocialSource;
import dev.earshot.port.Store;
import dev.earshot.schedule.Cluster;
import dev.earshot.schedule.Jobs;
import dev.earshot.source.SourceAdapters;
import dev.earshot.source.demo.DemoSource;
import dev.earshot.source.mastodon.MastodonSource;
import dev.earshot.store.Stores;
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
import java.util.function.Supplier;
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
    private static final Duration STOP_BOUND = Duration.ofSeconds(8);
    /** Kept back from the bound: for the outbox's last rounds and closing the store; for closing the store. */
    private static final Duration STOP_RESERVE = Duration.ofMillis(2_500);
    private static final Duration CLOSE_RESERVE = Duration.ofMillis(500);
    /** The first rounds of the outbox at start (the first cards show at once), at most this long. */
    private static final Duration FIRST_DRAIN = Duration.ofSeconds(2);
    /** Discord allows one gateway session per bot: the instance holding this lease opens it. */
    private static final String DISCORD_GATEWAY = "chat:discord-gateway";

    /** What the process brings: the clock, and the terminal for the shell chat. */
    public record Terminal(BufferedReader in, PrintStream out) { }

    /** Earshot cannot start as configured; the message says what to fix. */
    public static final class CannotStart extends RuntimeException {
        public CannotStart(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Store store;
    private final Leases leases;
    private final Jobs jobs;
    private final Dispatcher dispatcher;
    private final OpsServer ops;
    private final ShellConsole console;
    private final List<DemoSource> demoSources;
    /** What brings work in (the Slack connection and its workers, source streams): closed first on stop. */
    private final List<AutoCloseable> listeners;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean closed;

    private Earshot(Store store, Leases leases, Jobs jobs, Dispatcher dispatcher, OpsServer ops, ShellConsole console,
                    List<DemoSource> demoSources, List<AutoCloseable> listeners) {
        this.store = store;
        this.leases = leases;
        this.jobs = jobs;
        this.dispatcher = dispatcher;
        this.ops = ops;
        this.console = console;
        this.demoSources = demoSources;
        this.listeners = listeners;
    }

    /** Wires everything, does a first poll and drain (so the first cards show at once), starts the jobs. */
    public static Earshot start(EarshotConfig config, Clock clock, Terminal terminal) {
        InstanceConfig instance = config.instance();
        String name = instance.nameFor(config.store());
        System.setProperty("earshot.instance", name); // every log line names the instance (logback.xml)
        ZoneId zone = config.team().timezone();
        Team team = config.toTeam();
        String channel = config.chat().channel();
        SlackLink slack = config.chat().slack() == null ? null
                : connect(() -> SlackLink.connect(config.chat().slack(), clock));
        DiscordLink discord = config.chat().discord() == null ? null
                : connect(() -> DiscordLink.connect(config.chat().discord()));
        Store store = Stores.open(config.store());
        HealthBoard health = new HealthBoard();
        Leases leases = new Leases(store, name, instance.lease(), clock);
        Metrics metrics = new Metrics(name, leases, () -> store.read(tx -> tx.outboxBacklog()),
                () -> store.read(tx -> tx.figures(clock.instant(), clock.instant()).waiting()));
        List<SocialSource> sourceList = SourceAdapters.open(config.sources(), clock);
        Sources sources = new Sources(sourceList);
        health.watch(new HealthAlerts(store, sources, channel, clock));

        ShellChat shellChat = slack != null || discord != null ? null : new ShellChat(terminal.out(),
                Path.of(config.store().path()).toAbsolutePath().getParent().resolve("reports"));
        ChatPlatform chat = slack != null ? slack.chat() : discord != null ? discord.chat() : shellChat;
        Application app = new Application(store, sources, clock, metrics, TeamSettings.of(config, team, channel));
        Dispatcher dispatcher = new Dispatcher(store, chat, sources, team, health, clock, zone,
                Backoff.standard(), Dispatcher.CrashPoints.NONE, metrics, new XChartRenderer(),
                new Dispatcher.Lease(name, instance.lease()));
        ShellConsole console = shellChat == null ? null
                : new ShellConsole(terminal.in(), shellChat, app.commands(), team);
        List<AutoCloseable> listeners = new ArrayList<>();
        if (slack != null) {
            try {
                listeners.addAll(slack.listen(app.commands(), team, config.routing().channels(),
                        config.replyTemplates(), clock));
            } catch (SlackLink.Unavailable e) {
                store.close();
                throw new CannotStart(e.getMessage(), e);
            }
        }
        if (discord != null) { // one gateway session per bot: the lease holder's
            leases.keep(DISCORD_GATEWAY, () -> discord.listen(app.commands(), app.queries(), team,
                    config.routing().channels(), config.replyTemplates()));
        }

        List<Poller> pollers = sourceList.stream().map(s -> app.poller(s, health, Backoff.standard(), leases))
                .toList();
        SourceLeases sourceLeases = SourceLeases.keep(pollers, leases, Earshot::stream);
        listeners.add(sourceLeases);
        // Leases, polls and the outbox round are this instance's; the team's jobs run once across instances.
        Jobs jobs = Jobs.start(2 + pollers.size(), cluster(config.store(), name));
        jobs.every("leases", leases.renewEvery(), leases.renewEvery(), leases::renew); // renewed during the start too
        leases.renew();
        pollers.forEach(Poller::pollOnce); // those this instance took; later takeovers poll at once by themselves
        sourceLeases.started();
        dispatcher.drain(FIRST_DRAIN);
        if (config.digest().enabled()) {
            // Catch-up (see Digests): today's digest, if its time has passed and it was not posted.
            app.digests().runDue();
            dispatcher.drain(FIRST_DRAIN);
        }

        for (int i = 0; i < pollers.size(); i++) {
            Duration every = config.sources().get(i).pollEvery();
            jobs.every("poll:" + sourceList.get(i).name(), every, every, pollers.get(i)::pollOnce);
        }
        jobs.every("dispatch", DISPATCH_EVERY, DISPATCH_EVERY, dispatcher::tick);
        jobs.teamEvery("tick", TICK_EVERY, TICK_EVERY, app::tick);
        if (config.digest().enabled()) {
            jobs.teamDailyAt("digest", config.digest().at(), zone, app.digests()::runDue);
        } else {
            jobs.teamForget("digest");
        }
        jobs.startTeam();

        OpsServer ops = config.ops().enabled() ? startOps(config, health, metrics, leases) : null;
        log.info("Earshot is ready: {}", config.describe());
        List<DemoSource> demos = sourceList.stream().filter(DemoSource.class::isInstance).map(DemoSource.class::cast)
                .toList();
        return new Earshot(store, leases, jobs, dispatcher, ops, console, demos, listeners);
    }

    /** Mastodon's stream only wakes its source's poller: paging stays the one way in. */
    private static List<AutoCloseable> stream(SocialSource source, Runnable wake) {
        if (!(source instanceof MastodonSource mastodon)) {
            return List.of();
        }
        mastodon.startStreaming(wake);
        return List.of(mastodon);
    }

    /** Where the team's jobs are kept: Quartz's clustered store on PostgreSQL, in memory on SQLite. */
    private static Cluster cluster(StoreConfig db, String instanceName) {
        return db.type() != StoreConfig.Type.POSTGRESQL ? null
                : new Cluster(db.url(), db.user(), db.passwordOrEmpty(), instanceName, Cluster.CHECK_IN);
    }

    private static OpsServer startOps(EarshotConfig config, HealthBoard health, Metrics metrics, Leases leases) {
        try {
            return OpsServer.start(config.ops().bind(), config.ops().port(), health, metrics, leases);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + config.ops().bind() + ":"
                    + config.ops().port() + " for /healthz and /metrics", e);
        }
    }

    /** Checks the chat's token before anything else is opened. */
    private static <T> T connect(Supplier<T> link) {
        try {
            return link.get();
        } catch (SlackLink.Unavailable | DiscordLink.Unavailable e) {
            throw new CannotStart(e.getMessage(), e);
        }
    }

    /** Runs the terminal chat until end of input or /quit; returns at once when the chat is not the shell. */
    public void runConsole() {
        if (console != null) {
            console.run();
        }
    }

    /** Blocks until {@link #close()} ran (on SIGTERM, through the shutdown hook). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** The demo sources, for tests that check what the simulated customers received. */
    public List<DemoSource> demoSources() {
        return demoSources;
    }

    /** Graceful stop: no new polls or turns, a last drain of the outbox, then the store closes. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long deadline = System.nanoTime() + STOP_BOUND.toNanos();
        log.info("Earshot is stopping");
        if (ops != null) {
            ops.stopping();
        }
        for (AutoCloseable listener : listeners) {
            try {
                listener.close();
            } catch (Exception e) {
                log.warn("closing {} failed", listener.getClass().getSimpleName(), e);
            }
        }
        leases.close(); // the streams and the gateway stop; another instance takes the leases at once
        jobs.stop(left(deadline).minus(STOP_RESERVE));
        try {
            // Last rounds while time allows; what is not sent waits in the outbox for the next start,
            // and a call still stalled is left behind (its row is looked up at the next start).
            dispatcher.stop(left(deadline).minus(CLOSE_RESERVE));
        } catch (RuntimeException e) {
            log.warn("the outbox did not stop cleanly; its rows stay for the next start", e);
        }
        if (ops != null) {
            ops.close();
        }
        store.close();
        log.info("Earshot stopped");
        stopped.countDown();
    }

    private static Duration left(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }
}
