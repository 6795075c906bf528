package dev.earshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.app.FollowThrough;
import dev.earshot.config.ConfigLoader;
import dev.earshot.config.EarshotConfig;
import dev.earshot.core.BusinessHours;
import dev.earshot.core.NudgePlan;
import dev.earshot.core.Priority;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The composition root hands the application the follow-through part of the config. */
class FollowThroughWiringTest {
    @Test
    void theExampleConfigBecomesGentleNudgesInOfficeHours() throws Exception {
        EarshotConfig config = ConfigLoader.load(Path.of("config.example.yml"), name -> null);
        FollowThrough f = TeamSettings.followThrough(config, config.toTeam(), "support");
        assertEquals(BusinessHours.standard(ZoneId.of("UTC")), f.hours());
        assertEquals(Duration.ofHours(1), f.sla().inHours());
        assertEquals(NudgePlan.standard(), f.nudges());
        assertTrue(f.rotation().isEmpty());
        assertTrue(f.continuity().isOn());
        assertTrue(f.pages(new Priority(70)));
        assertEquals("support", f.channel());
    }
}
