package dev.earshot.config;

import static dev.earshot.config.Yaml.DEMO;
import static dev.earshot.config.Yaml.TEAM;
import static dev.earshot.config.Yaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The instance section: its defaults (a name unique per process on PostgreSQL), values, and every problem. */
class InstanceConfigTest {
    private static final StoreConfig POSTGRES = new StoreConfig(StoreConfig.Type.POSTGRESQL, null,
            "jdbc:postgresql://db:5432/earshot", "earshot", null);

    @Test
    void aTeamThatSetsNothingGetsAHostNameAndATwentySecondLease() throws ConfigException {
        EarshotConfig config = Yaml.load(TEAM + DEMO);
        InstanceConfig instance = config.instance();
        assertEquals(Duration.ofSeconds(20), instance.lease());
        String sqlite = instance.nameFor(config.store());
        assertTrue(InstanceConfig.NAME.matcher(sqlite).matches(), sqlite);
        assertEquals(sqlite + "-" + ProcessHandle.current().pid(), instance.nameFor(POSTGRES),
                "on PostgreSQL the process id tells two instances on one host apart");
    }

    @Test
    void everyKeyIsRead() throws ConfigException {
        InstanceConfig instance = Yaml.load(TEAM + DEMO + "instance: { name: earshot-2, lease: 10s }\n").instance();
        assertEquals("earshot-2", instance.nameFor(POSTGRES));
        assertEquals(Duration.ofSeconds(10), instance.lease());
    }

    @Test
    void everyWrongValueIsNamedByItsPath() {
        assertEquals(List.of(
                "instance.name: use 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit (it"
                        + " names this instance in logs and metrics)",
                "instance.lease: must be between 2s and 5m (a killed instance's work is taken over after this long)"),
                problems(TEAM + DEMO + "instance: { name: \"<!channel> x\", lease: 1s }\n"));
        assertEquals(List.of("instance.lease: must be between 2s and 5m (a killed instance's work is taken over"
                + " after this long)"), problems(TEAM + DEMO + "instance: { lease: 6m }\n"));
    }
}
