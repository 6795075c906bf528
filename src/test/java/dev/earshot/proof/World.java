package dev.earshot.proof;

import dev.earshot.chat.slack.SlackWorkspace;
import dev.earshot.source.mastodon.MastodonInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A brand's world for a program-level test: a Mastodon instance where customers mention the
 * brand, a Slack workspace where the team works, and one data folder and YAML config for the
 * Earshot that runs between them as a child JVM, started again on the same folder after each death.
 */
final class World implements AutoCloseable {
    final MastodonInstance mastodon = new MastodonInstance();
    final SlackWorkspace slack = new SlackWorkspace();
    final Path dir;
    final Path config;
    final Path log;
    final int opsPort = Program.freePort();
    /** Between Earshot and the Slack fake's Web API, when asked for; else null. */
    final Gate gate;
    private final Map<String, String> env = new HashMap<>();
    private final String moreSources;
    private final List<Program> started = new ArrayList<>();

    /** The default world: Earshot talks to the fakes directly. */
    World(Path dir) {
        this(dir, false, "");
    }

    /**
     * @param gated whether Earshot reaches Slack's Web API through a {@link Gate}, so the test can take it down
     * @param moreSources YAML list items appended to {@code sources:}, after the Mastodon one
     */
    World(Path dir, boolean gated, String moreSources) {
        this.dir = dir;
        this.gate = gated ? new Gate(slack.apiUrl().replaceAll("/api/$", "")) : null;
        this.config = dir.resolve("earshot.yml");
        this.log = dir.resolve("earshot.log");
        this.moreSources = moreSources;
        env.put("SLACK_BOT_TOKEN", SlackWorkspace.BOT_TOKEN);
        env.put("SLACK_APP_TOKEN", SlackWorkspace.APP_TOKEN + "\n");
        env.put("MASTODON_TOKEN", MastodonInstance.TOKEN);
        env.put("EARSHOT_LOG_LEVEL", "INFO");
        write(config, "{ path: " + dir.resolve("data").resolve("earshot.db") + " }", opsPort, "");
    }

    /** Writes a config of this world: {@code store} is a YAML flow map, {@code more} top-level sections. */
    private void write(Path file, String store, int ops, String more) {
        String yaml = """
                team:
                  members:
                    - { name: alice, slack: %s, admin: true, confirmReplies: false }
                store: %s
                chat:
                  slack:
                    botToken: ${SLACK_BOT_TOKEN}
                    appToken: ${SLACK_APP_TOKEN}
                    apiUrl: %s
                    channel: %s
                ops: { port: %d, bind: 127.0.0.1 }
                digest: { enabled: false }
                nudges: { enabled: false }
                sources:
                  - type: mastodon
                    name: acme-mastodon
                    instance: %s
                    accessToken: ${MASTODON_TOKEN}
                    pollEvery: 1s
                """.formatted(SlackWorkspace.ALICE, store,
                gate != null ? gate.url() + "/api/" : slack.apiUrl(), SlackWorkspace.CHANNEL, ops, mastodon.url())
                + moreSources + more;
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a variable of the child's environment (a secret the config reads with ${NAME}). */
    World env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** A new Earshot on this world's data folder; killed with the world if still running then. */
    Program start(List<String> jvmOptions) {
        Program program = Program.start(config, opsPort, jvmOptions, env, log);
        started.add(program);
        return program;
    }

    /**
     * One of several instances on a shared store (PostgreSQL): its own config file, naming it and
     * its ops port; every instance logs to this world's one log (each line names its instance).
     *
     * @param store the {@code store:} section as a YAML flow map
     * @param lease the instances' {@code instance.lease}
     */
    Program startInstance(String name, int ops, String store, String lease, List<String> jvmOptions) {
        Path file = dir.resolve(name + ".yml");
        write(file, store, ops, "instance: { name: " + name + ", lease: " + lease + " }\n");
        Program program = Program.start(file, ops, jvmOptions, env, log);
        started.add(program);
        return program;
    }

    String logTail() {
        return Program.tail(log, 40);
    }

    @Override
    public void close() {
        for (Program program : started) {
            try {
                program.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (gate != null) {
            gate.close();
        }
        mastodon.close();
        slack.close();
    }
}
