package dev.earshot.config;

import dev.earshot.core.Team;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The whole configuration. Missing sections get their defaults, so a small file is enough. */
public record EarshotConfig(TeamConfig team, StoreConfig store, ChatConfig chat,
        List<SourceConfig> sources, OpsConfig ops, PriorityConfig priority, DigestConfig digest) {

    /** Without a digest section: the defaults (a 09:00 digest). */
    public EarshotConfig(TeamConfig team, StoreConfig store, ChatConfig chat, List<SourceConfig> sources,
                         OpsConfig ops, PriorityConfig priority) {
        this(team, store, chat, sources, ops, priority, null);
    }

    public EarshotConfig {
        team = team == null ? TeamConfig.defaults() : team;
        store = store == null ? StoreConfig.defaults() : store;
        chat = chat == null ? ChatConfig.defaults() : chat;
        sources = sources == null ? List.of() : List.copyOf(sources);
        ops = ops == null ? OpsConfig.defaults() : ops;
        priority = priority == null ? PriorityConfig.defaults() : priority;
        digest = digest == null ? DigestConfig.defaults() : digest;
    }

    public Team toTeam() {
        return team.toTeam();
    }

    /**
     * One line for {@code earshot check-config}, free of secrets:
     * {@code chat: shell #support · sources: demo (demo) · team: alice, bob · store: sqlite ...}.
     */
    public String describe() {
        String sourceList = sources.stream()
                .map(s -> s.name() + " (" + s.platform().id() + ")")
                .collect(Collectors.joining(", "));
        String teamList = team.members().stream()
                .map(m -> m.admin() ? m.name() + " (admin)" : m.name())
                .collect(Collectors.joining(", "));
        String opsText = ops.enabled() ? ops.bind() + ":" + ops.port() : "off";
        return "chat: " + chat.describe()
                + " · sources: " + sourceList
                + " · team: " + teamList
                + " · store: " + store.type().name().toLowerCase(Locale.ROOT) + " " + store.path()
                + " · timezone: " + team.timezone().getId()
                + " · ops: " + opsText;
    }
}
