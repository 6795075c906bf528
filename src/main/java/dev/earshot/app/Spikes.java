package dev.earshot.app;

import dev.earshot.core.ConversationSummary;
import dev.earshot.core.Effect;
import dev.earshot.core.SpikeRule;
import dev.earshot.core.Target;
import dev.earshot.port.Store;
import java.time.Clock;
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
 * neither. Checked after each ingest that opened conversations, and at every tick (to see the end).
 * The usual numbers are read once per clock hour.
 */
public final class Spikes {
    private static final Logger log = LoggerFactory.getLogger(Spikes.class);
    /** The most conversations of one window read; a window with more is a spike whatever its scope. */
    static final int WINDOW_CAP = 2_000;
    private static final int BASELINE_PAGE = 5_000;

    private final Store store;
    private final CareSettings.Spikes settings;
    private final List<String> sourceNames;
    private final String channel;
    private final ZoneId zone;
    private final Clock clock;
    private Instant baselineHour;
    private Map<String, Double> usual = Map.of();

    Spikes(Store store, CareSettings.Spikes settings, List<String> sourceNames, String channel, ZoneId zone,
           Clock clock) {
        this.store = store;
        this.settings = settings;
        this.sourceNames = List.copyOf(sourceNames);
        this.channel = channel;
        this.zone = zone;
        this.clock = clock;
    }

    /** Looks at the last window and tells the channel of each spike that starts or ends; never throws. */
    public synchronized void check() {
        if (!settings.enabled() || channel == null) {
            return;
        }
        try {
            Instant now = clock.instant();
            List<ConversationSummary> recent = store.read(tx ->
                    tx.conversationLog(now.minus(SpikeRule.WINDOW), now.plusMillis(1), 0, WINDOW_CAP));
            Map<String, Double> usualNow = usual(now);
            Map<String, List<ConversationSummary>> scoped = byScope(recent);
            for (String scope : scopes()) {
                List<ConversationSummary> in = scoped.getOrDefault(scope, List.of());
                double u = usualNow.getOrDefault(scope, (double) settings.rule().floor());
                decide(scope, in, u, now);
            }
        } catch (RuntimeException e) {
            log.warn("the spike check failed; trying again at the next one", e);
        }
    }

    private void decide(String scope, List<ConversationSummary> in, double u, Instant now) {
        SpikeRule rule = settings.rule();
        boolean spiking = rule.spiking(in.size(), u);
        boolean normal = rule.backToNormal(in.size(), u);
        if (!spiking && !normal) {
            return;
        }
        String key = "spike:" + scope;
        Optional<String> told = store.write(tx -> {
            Optional<String> since = tx.care().state(key);
            String text;
            if (spiking && since.isEmpty()) {
                tx.care().setState(key, now.toString(), now);
                text = CareWords.spike(describe(scope), in, u);
            } else if (normal && since.isPresent()) {
                tx.care().setState(key, null, now);
                text = CareWords.backToNormal(describe(scope), in.size(), u, Instant.parse(since.get()), zone);
            } else {
                return Optional.<String>empty();
            }
            tx.enqueue(new Effect.ChannelPost(0, text, List.of()), Target.chat(channel), now);
            return Optional.of(text);
        });
        told.ifPresent(t -> log.info("spike {} for {}: {} new conversations in 15 minutes, usually {}",
                spiking ? "starts" : "ends", scope, in.size(), Math.round(u)));
    }

    /** Every scope watched: all (when there are several sources: else it is the one source), each source, each keyword. */
    private List<String> scopes() {
        List<String> scopes = new ArrayList<>();
        if (sourceNames.size() != 1) {
            scopes.add("all");
        }
        sourceNames.forEach(s -> scopes.add("source:" + s));
        settings.keywords().forEach(k -> scopes.add("keyword:" + k.toLowerCase(Locale.ROOT)));
        return scopes;
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
            byScope(hourOf(past)).forEach((scope, rows) -> counts.put(scope, rows.size()));
            weeks.add(counts);
        }
        Map<String, Double> computed = new HashMap<>();
        for (String scope : scopes()) {
            computed.put(scope, settings.rule().usual(weeks.stream().map(w -> w.getOrDefault(scope, 0)).toList()));
        }
        baselineHour = hour;
        usual = computed;
        return computed;
    }

    private List<ConversationSummary> hourOf(Instant start) {
        Instant end = start.plus(java.time.Duration.ofHours(1));
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

    private static String describe(String scope) {
        if (scope.equals("all")) {
            return "all sources";
        }
        return scope.startsWith("source:") ? scope.substring("source:".length())
                : "“" + scope.substring("keyword:".length()) + "”";
    }
}
