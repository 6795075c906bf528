package dev.earshot.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The config of {@code earshot demo}: simulated customers, the terminal as the team chat, no tokens. */
public final class DemoConfig {
    private DemoConfig() {
    }

    /**
     * The demo runs on real time, so its targets are minutes: nudges show within a few of them.
     *
     * @param data the folder for the SQLite file; one file per seed, so a second run goes on where the first stopped
     * @param seed which simulated customers
     * @param zone the team's time zone (the operator's own, in the demo)
     */
    public static EarshotConfig of(Path data, long seed, ZoneId zone) {
        return EarshotConfig.builder()
                .team(new TeamConfig(zone, List.of(MemberConfig.named("alice").asAdmin(), MemberConfig.named("bob"),
                        MemberConfig.named("carol")), "alice"))
                .store(StoreConfig.sqlite(data.resolve("demo-" + seed + ".db")))
                .chat(ChatConfig.shell("support"))
                .sources(List.of(DemoSourceConfig.seeded("demo", seed)))
                .ops(OpsConfig.off())
                .sla(new SlaConfig(Duration.ofMinutes(4), Duration.ofMinutes(6), false))
                .nudges(new NudgesConfig(true, NudgesConfig.DEFAULT_STEPS, Duration.ofMinutes(3), Duration.ofMinutes(8)))
                .oncall(OnCallConfig.rotation(List.of("bob", "carol")))
                .templates(List.of(new TemplateConfig("thanks", "Thanks {customer}, we're on it! {agent}")))
                .build();
    }
}
