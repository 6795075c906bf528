package dev.earshot.chat.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** slack-app-manifest.yml asks for exactly the scopes Earshot's calls need, and the docs list the same. */
class SlackManifestTest {
    static final List<String> SCOPES = List.of("chat:write", "commands", "channels:history", "groups:history",
            "files:write");

    @Test
    void theManifestMatchesWhatEarshotUses() throws Exception {
        JsonNode manifest = new YAMLMapper().readTree(Path.of("slack-app-manifest.yml").toFile());
        List<String> scopes = new ArrayList<>();
        manifest.at("/oauth_config/scopes/bot").forEach(s -> scopes.add(s.asText()));
        assertEquals(SCOPES, scopes);
        assertEquals("/earshot", manifest.at("/features/slash_commands/0/command").asText());
        assertEquals(false, manifest.at("/features/slash_commands/0/should_escape").asBoolean(true),
                "typed @names reach the parser as written");
        assertTrue(manifest.at("/settings/interactivity/is_enabled").asBoolean());
        assertTrue(manifest.at("/settings/socket_mode_enabled").asBoolean());
        String docs = java.nio.file.Files.readString(Path.of("docs/SLACK.md"));
        SCOPES.forEach(s -> assertTrue(docs.contains("| `" + s + "` |"), s + " is explained in docs/SLACK.md"));
    }
}
