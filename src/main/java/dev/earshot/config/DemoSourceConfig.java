package dev.earshot.config;

import dev.earshot.core.Platform;
import java.time.Duration;

/**
 * The built-in simulated customers, deterministic for a given seed.
 *
 * @param account the brand account the simulated customers talk to
 */
public record DemoSourceConfig(String name, Long seed, Duration pollEvery, String account)
        implements SourceConfig {
    public DemoSourceConfig {
        seed = seed == null ? 42L : seed;
        pollEvery = pollEvery == null ? Duration.ofSeconds(8) : pollEvery;
        account = account == null ? "acme" : account;
    }

    /** Simulated customers for {@code seed}, polled at the default pace, writing to {@code @acme}. */
    public static DemoSourceConfig seeded(String name, long seed) {
        return new DemoSourceConfig(name, seed, null, null);
    }

    @Override
    public Platform platform() {
        return Platform.DEMO;
    }
}
