package dev.earshot.config;

/**
 * The health and metrics endpoint ({@code /healthz}, {@code /metrics}).
 *
 * @param port 0 turns the endpoint off
 * @param bind the address to listen on
 */
public record OpsConfig(Integer port, String bind) {
    public OpsConfig {
        port = port == null ? 8080 : port;
        bind = bind == null ? "0.0.0.0" : bind;
    }

    public static OpsConfig defaults() {
        return new OpsConfig(null, null);
    }

    /** No /healthz or /metrics endpoint. */
    public static OpsConfig off() {
        return new OpsConfig(0, null);
    }

    public boolean enabled() {
        return port != 0;
    }
}
