package dev.earshot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's config is written in code, so nothing else checks it against the rules a config file must keep. */
class DemoConfigTest {
    @TempDir
    Path dir;

    @Test
    void keepsEveryRuleAConfigFileIsCheckedAgainst() {
        EarshotConfig demo = DemoConfig.of(dir, 7, ZoneId.of("Europe/Berlin"));
        Problems problems = new Problems();
        Validator validator = new Validator(problems);
        validator.team(demo.team());
        validator.store(demo.store());
        validator.chat(demo.chat());
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < demo.sources().size(); i++) {
            new SourceValidator(problems).source(demo.sources().get(i), Problems.at("sources", i), names);
        }
        validator.ops(demo.ops());
        validator.priority(demo.priority());
        validator.followThrough(demo);
        validator.routes(demo.routes(), demo.sources());
        validator.templates(demo.templates());
        validator.digest(demo.digest());
        assertEquals(List.of(), problems.lines());
    }

    @Test
    void eachSeedKeepsItsOwnFileInTheDataFolderAndOpensNoPort() {
        EarshotConfig demo = DemoConfig.of(dir, 7, ZoneId.of("Europe/Berlin"));
        assertEquals(dir.resolve("demo-7.db").toString(), demo.store().path());
        assertEquals(List.of(DemoSourceConfig.seeded("demo", 7)), demo.sources());
        assertEquals("shell #support", demo.chat().describe());
        assertFalse(demo.ops().enabled());
    }
}
