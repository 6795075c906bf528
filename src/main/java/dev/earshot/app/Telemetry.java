package dev.earshot.app;

/**
 * Business events counted for the operator's metrics ({@code received}, {@code posted},
 * {@code replied}, {@code failed}, ...), each with the source or chat target it concerns.
 * The application only reports; the ops adapter decides how to expose them.
 */
@FunctionalInterface
public interface Telemetry {
    Telemetry NONE = (event, target) -> { };

    void count(String event, String target);
}
