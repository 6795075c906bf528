package dev.earshot.app;

import dev.earshot.core.ConversationSummary;
import dev.earshot.core.Effect;
import dev.earshot.core.SpikeRule;
import dev.earshot.core.Target;
import dev.earshot.port.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Volume spikes told in chat: new conversations of the last 15 minutes, for all sources together,
 * each source and each keyword, against the usual number ({@link SpikeRule}). One alert when a
 * spike starts, one "back to normal" when it ends; the state lives in the store
 * ({@code spike:<scope>}), changed in the transaction that queues the post, so a restart repeats
 * neither.
 *
 * <p>Cheap on the ingest path: the window is kept in memory, fed by each ingest with what it
 * opened, and read afresh from the store at each tick (so other instances' conversations count
 * too, at most a tick late). The usual numbers are read once per clock hour; a write happens only
 * when a spike starts or ends.
 */
public final class Spikes {
    private static final Logger log = LoggerFactory.getLogger(Spikes.class);
    /** The most conversations of one window read; a window with more is a spike whatever its scope. */
    static final int WINDOW_CAP = 2_000;
    private static final int BASELINE_PAGE = 5_000;

    private final Store store;
    private final CareSettings.Spikes settings;
    private final List<String> scopes;
    private final String channel;
    private final ZoneId zone;
    private final Clock clock;
    private List<ConversationSummary> window;
    private Map<String, Instant> active;
    private Instant baselineHour;
    private Map<String, Double> usual = Map.of();

    Spikes(Store store, CareSettings.Spikes settings, List<String> sourceNames, String channel, ZoneId zone,
           Clock clock) {
        this.store = store;
        this.settings = settings;
        this.channel = channel;
        this.zone = zone;
        this.clock = clock;
        List<String> all = new ArrayList<>();
        if (sourceNames.size() != 1) {
            all.add("all"); // with one source, "all" would repeat it
        }
        sourceNames.forEach(s -> all.add("source:" + s));
        settings.keywords().forEach(k -> all.add("keyword:" + k.toLowerCase(Locale.ROOT)));
        this.scopes = List.copyOf(all);
    }

    private boolean on() {
        return settings.enabled() && channel != null;
    }

    /** After an ingest: adds what it opened to the window and checks; never throws. */
    public synchronized void opened(List<ConversationSummary> conversations) {
        if (!on()) {
            return;
        }
        guarded(() -> {
            if (window == null) {
                reload();
            } else {
                window.addAll(conversations);
            }
            decideAll();
        });
    }

    /** At each tick: reads the window and the states afresh, and checks (a spike also ends with no new message). */
    public synchronized void check() {
        if (on()) {
            guarded(() -> {
                reload();
                decideAll();
            });
        }
    }

    private void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            window = null; // read afresh next time
            log.warn("the spike check failed; trying again at the next one", e);
        }
    }

    private void reload() {
        Instant now = clock.instant();
        window = new ArrayList<>(store.read(tx ->
                tx.conversationLog(now.minus(SpikeRule.WINDOW), now.plusMillis(1), 0, WINDOW_CAP)));
        active = new HashMap<>();
        store.read(tx -> {
            scopes.forEach(s -> tx.care().state(key(s)).ifPresent(since -> active.put(s, Instant.parse(since))));
            return null;
        });
    }

    private void decideAll() {
        Instant now = clock.instant();
        Instant from = now.minus(SpikeRule.WINDOW);
        window.removeIf(c -> c.openedAt().isBefore(from));
        Map<String, List<ConversationSummary>> scoped = byScope(window);
        Map<String, Double> usualNow = usual(now);
        for (String scope : scopes) {
            List<ConversationSummary> in = scoped.getOrDefault(scope, List.of());
            double u = usualNow.getOrDefault(scope, (double) settings.rule().floor());
            boolean spiking = settings.rule().spiking(in.size(), u);
            boolean over = settings.rule().backToNormal(in.size(), u);
            if ((spiking && !active.containsKey(scope)) || (over && active.containsKey(scope))) {
                tell(scope, in, u, spiking, now);
            }
        }
    }

    /** A spike starts or ends: the state and the post in one transaction; another instance may have told it already. */
    private void tell(String scope, List<ConversationSummary> in, double u, boolean starts, Instant now) {
        Optional<String> told = store.write(tx -> {
            Optional<String> since = tx.care().state(key(scope));
            if (starts == since.isPresent()) {
                return Optional.<String>empty();
            }
            tx.care().setState(key(scope), starts ? now.toString() : null, now);
            String text = starts ? CareWords.spike(describe(scope), in, u)
                    : CareWords.backToNormal(describe(scope), in.size(), u, Instant.parse(since.get()), zone);
            tx.enqueue(new Effect.ChannelPost(0, text, List.of()), Target.chat(channel), now);
            return Optional.of(text);
        });
        if (starts) {
            active.put(scope, now);
        } else {
            active.remove(scope);
        }
        told.ifPresent(t -> log.info("spike {} for {}: {} new conversations in 15 minutes, usually {}",
                starts ? "starts" : "ends", scope, in.size(), Math.round(u)));
    }

    private Map<String, List<ConversationSummary>> byScope(List<ConversationSummary> rows) {
        Map<String, List<ConversationSummary>> scoped = new LinkedHashMap<>();
        for (ConversationSummary c : rows) {
            scoped.computeIfAbsent("all", k -> new ArrayList<>()).add(c);
            scoped.computeIfAbsent("source:" + c.account(), k -> new ArrayList<>()).add(c);
            String text = c.firstText().toLowerCase(Locale.ROOT);
            for (String k : settings.keywords()) {
                String word = k.toLowerCase(Locale.ROOT);
                if (text.contains(word)) {
                    scoped.computeIfAbsent("keyword:" + word, x -> new ArrayList<>()).add(c);
                }
            }
        }
        return scoped;
    }

    /** The usual number per scope for the hour holding {@code now}, read once per hour. */
    private Map<String, Double> usual(Instant now) {
        Instant hour = SpikeRule.hourOf(now, zone);
        if (hour.equals(baselineHour)) {
            return usual;
        }
        List<Map<String, Integer>> weeks = new ArrayList<>();
        for (Instant past : settings.rule().pastHours(now, zone)) {
            Map<String, Integer> counts = new HashMap<>();
            byScope(hourFrom(past)).forEach((scope, rows) -> counts.put(scope, rows.size()));
            weeks.add(counts);
        }
        Map<String, Double> computed = new HashMap<>();
        for (String scope : scopes) {
            computed.put(scope, settings.rule().usual(weeks.stream().map(w -> w.getOrDefault(scope, 0)).toList()));
        }
        baselineHour = hour;
        usual = computed;
        return computed;
    }

    private List<ConversationSummary> hourFrom(Instant start) {
        Instant end = start.plus(Duration.ofHours(1));
        List<ConversationSummary> all = new ArrayList<>();
        long after = 0;
        while (true) {
            long from = after;
            List<ConversationSummary> page = store.read(tx -> tx.conversationLog(start, end, from, BASELINE_PAGE));
            all.addAll(page);
            if (page.size() < BASELINE_PAGE) {
                return all;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    private static String key(String scope) {
        return "spike:" + scope;
    }

    private static String describe(String scope) {
        if (scope.equals("all")) {
            return "all sources";
        }
        return scope.startsWith("source:") ? scope.substring("source:".length())
                : "“" + scope.substring("keyword:".length()) + "”";
    }
}
