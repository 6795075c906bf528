package dev.earshot.app;

import dev.earshot.core.Message;
import dev.earshot.core.PriorityRules;
import dev.earshot.core.ReplyTemplate;
import dev.earshot.core.Team;
import dev.earshot.port.SocialSource;
import dev.earshot.port.Store;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application assembled from a store, the sources, a clock and the team's settings: the one
 * place that builds the use cases and wires them to each other. The composition root and the
 * test harness both start here, so tests run the same wiring as production.
 */
public final class Application {
    private static final Logger log = LoggerFactory.getLogger(Application.class);

    /**
     * What the team configured that the use cases need.
     *
     * @param channelFor the chat channel a new conversation goes to (the routes)
     * @param followThrough business hours, SLA, nudges, on call; its time zone is the team's
     * @param templates the saved replies
     */
    public record Settings(Team team, PriorityRules priority, Function<Message, String> channelFor,
                           FollowThrough followThrough, Digests.Settings digests, List<ReplyTemplate> templates,
                           CareSettings care) {
        public Settings {
            Objects.requireNonNull(team, "team");
            Objects.requireNonNull(priority, "priority");
            Objects.requireNonNull(channelFor, "channelFor");
            Objects.requireNonNull(followThrough, "followThrough");
            Objects.requireNonNull(digests, "digests");
            templates = List.copyOf(templates);
            care = care == null ? CareSettings.none() : care;
        }

        /** Without social care's extras (after-hours acknowledgement, spikes, costs): all off. */
        public Settings(Team team, PriorityRules priority, Function<Message, String> channelFor,
                        FollowThrough followThrough, Digests.Settings digests, List<ReplyTemplate> templates) {
            this(team, priority, channelFor, followThrough, digests, templates, null);
        }

        public Settings withTemplates(List<ReplyTemplate> saved) {
            return new Settings(team, priority, channelFor, followThrough, digests, saved, care);
        }

        public Settings withCare(CareSettings extras) {
            return new Settings(team, priority, channelFor, followThrough, digests, templates, extras);
        }
    }

    private final Store store;
    private final Clock clock;
    private final Ingest ingest;
    private final Inbox inbox;
    private final Queries queries;
    private final OnCall onCall;
    private final Nudger nudger;
    private final Digests digests;
    private final CommandHandler commands;
    private final ReadBudgets budgets;
    private final Spikes spikes;

    public Application(Store store, Sources sources, Clock clock, Telemetry telemetry, Settings settings) {
        FollowThrough followThrough = settings.followThrough();
        CareSettings care = settings.care();
        this.store = store;
        this.clock = clock;
        this.onCall = new OnCall(store, followThrough, clock);
        this.budgets = new ReadBudgets(store, care.costs(), care.channel(), clock);
        this.spikes = new Spikes(store, care.spikes(), sources.all().stream().map(SocialSource::name).toList(),
                care.channel(), followThrough.zone(), clock);
        this.ingest = new Ingest(store, settings.priority(), settings.channelFor(), clock, telemetry, followThrough,
                onCall, new Ingest.Care(new AfterHours(care.afterHours(), followThrough.hours(), sources),
                        budgets, spikes));
        this.inbox = new Inbox(store, sources, clock, followThrough.zone());
        this.queries = new Queries(store, sources);
        this.nudger = new Nudger(store, followThrough, onCall, clock);
        this.digests = new Digests(store, settings.team(), clock, followThrough.sla(), settings.digests(),
                new CareReport(store, care, clock));
        this.commands = new CommandHandler(inbox, queries, onCall, digests, settings.team(), clock,
                followThrough.zone(), settings.templates(),
                new ReplyPreviews(store, sources, clock, settings.templates()));
    }

    /** What the sources feed. */
    public Ingest ingest() {
        return ingest;
    }

    /** What teammates do. */
    public Inbox inbox() {
        return inbox;
    }

    /** What teammates look up. */
    public Queries queries() {
        return queries;
    }

    public OnCall onCall() {
        return onCall;
    }

    public Nudger nudger() {
        return nudger;
    }

    public Digests digests() {
        return digests;
    }

    /** The one way in for every chat adapter. */
    public CommandHandler commands() {
        return commands;
    }

    /** A poller that feeds {@code source}'s messages to {@link #ingest()}. */
    public Poller poller(SocialSource source, HealthBoard health, Backoff backoff) {
        return poller(source, health, backoff, () -> true);
    }

    /** A poller that polls only while this instance holds the source's lease ({@link Leases#source}). */
    public Poller poller(SocialSource source, HealthBoard health, Backoff backoff, Leases leases) {
        String lease = Leases.source(source.name());
        return poller(source, health, backoff, () -> leases.holds(lease));
    }

    private Poller poller(SocialSource source, HealthBoard health, Backoff backoff, BooleanSupplier held) {
        budgets.apply(source); // a source over its budget makes no optional read, from the first poll on
        return new Poller(source, ingest, store, health, clock, backoff, held);
    }

    /** Wakes ended snoozes first (a woken conversation is waiting again), then nudges; one failing does not stop the other. */
    public void tick() {
        try {
            inbox.wakeSnoozed();
        } catch (RuntimeException e) {
            log.error("waking snoozed conversations failed; trying again at the next tick", e);
        }
        nudger.tick();
        spikes.check(); // sees a spike end even when nothing new comes in
    }

    /** A wake-up that polls on {@code executor}; a burst of wake-ups while one poll is waiting adds nothing. */
    public static Runnable wakeUp(Poller poller, Executor executor) {
        AtomicBoolean queued = new AtomicBoolean();
        return () -> {
            if (queued.compareAndSet(false, true)) {
                executor.execute(() -> {
                    queued.set(false);
                    poller.pollOnce();
                });
            }
        };
    }
}
