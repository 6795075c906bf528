package dev.earshot.ops;

import dev.earshot.app.Telemetry;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.LongSupplier;

/** Earshot's metrics in a registry of its own (so tests and several instances never collide). */
public final class Metrics implements Telemetry {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter events;

    public Metrics(LongSupplier outboxBacklog, LongSupplier waiting) {
        events = Counter.builder().name("earshot_events_total")
                .help("Business events: received, posted, replied, failed, ...")
                .labelNames("event", "target").register(registry);
        GaugeWithCallback.builder().name("earshot_outbox_backlog")
                .help("Outbox rows not yet accepted by their platform")
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
