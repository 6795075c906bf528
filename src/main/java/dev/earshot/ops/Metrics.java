package dev.earshot.ops;

import dev.earshot.app.Leases;
import dev.earshot.app.Telemetry;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.function.LongSupplier;

/**
 * Earshot's metrics in a registry of its own (so tests and several instances never collide). What
 * this instance did carries the label {@code instance} ({@code instance.name}); the outbox backlog
 * and the waiting customers are read from the store, so every instance shows the same figures.
 */
public final class Metrics implements Telemetry {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter events;

    public Metrics(String instance, Leases leases, LongSupplier outboxBacklog, LongSupplier waiting) {
        Labels mine = Labels.of("instance", instance);
        events = Counter.builder().name("earshot_events_total")
                .help("Business events this instance saw through: received, posted, replied, failed, ...")
                .constLabels(mine).labelNames("event", "target").register(registry);
        GaugeWithCallback.builder().name("earshot_lease_held")
                .help("The leases this instance holds (a source it polls, the Discord gateway): 1 each")
                .constLabels(mine).labelNames("lease")
                .callback(cb -> leases.held().forEach(lease -> cb.call(1, lease))).register(registry);
        GaugeWithCallback.builder().name("earshot_outbox_backlog")
                .help("Outbox rows not yet accepted by their platform (all instances)")
                .callback(cb -> cb.call(outboxBacklog.getAsLong())).register(registry);
        GaugeWithCallback.builder().name("earshot_waiting_conversations")
                .help("Customers waiting for the team (new or claimed)")
                .callback(cb -> cb.call(waiting.getAsLong())).register(registry);
        JvmMetrics.builder().register(registry);
    }

    @Override
    public void count(String event, String target) {
        events.labelValues(event, target).inc();
    }

    PrometheusRegistry registry() {
        return registry;
    }
}
