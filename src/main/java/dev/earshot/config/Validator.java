package dev.earshot.config;

import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.core.ReplyTemplate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules Jackson cannot know: required keys, uniqueness, ranges, URLs. Each problem is
 * added, never thrown, so one run lists them all. Values are never quoted in a sentence: the
 * path points at them, and a value could be a token.
 */
final class Validator {
    private final Problems problems;

    Validator(Problems problems) {
        this.problems = problems;
    }

    void team(TeamConfig team) {
        List<MemberConfig> members = team.members();
        if (members.isEmpty()) {
            problems.add("team.members", "name at least one teammate");
        }
        Map<String, String> names = new HashMap<>();
        Map<String, String> slackIds = new HashMap<>();
        Map<String, String> discordIds = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            MemberConfig member = members.get(i);
            String path = Problems.at("team.members", i);
            if (Problems.blank(member.name())) {
                problems.add(Problems.at(path, "name"), "must be set");
            } else {
                String key = member.name().strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
                problems.unique(names, key, Problems.at(path, "name"));
            }
            if (!Problems.blank(member.slack())) {
                problems.unique(slackIds, member.slack().strip(), Problems.at(path, "slack"));
            }
            if (!Problems.blank(member.discord())) {
                problems.unique(discordIds, member.discord().strip(), Problems.at(path, "discord"));
            }
        }
        if (team.manager() != null && !names.containsKey(team.manager().toLowerCase(Locale.ROOT))) {
            problems.add("team.manager", "must be one of team.members");
        }
    }

    void chat(ChatConfig chat) {
        if (chat.count() != 1) {
            problems.add("chat", "choose exactly one of shell, slack or discord (found "
                    + chat.count() + ")");
            return;
        }
        if (chat.shell() != null) {
            problems.require("chat.shell.channel", chat.shell().channel());
        }
        if (chat.slack() != null) {
            slack(chat.slack());
        }
        if (chat.discord() != null) {
            discord(chat.discord());
        }
    }

    private void discord(DiscordChatConfig discord) {
        problems.require("chat.discord.token", discord.token());
        snowflake("chat.discord.guild", discord.guild());
        snowflake("chat.discord.channel", discord.channel());
        Urls.check(problems, "chat.discord.apiUrl", discord.apiUrl());
        Urls.checkSocket(problems, "chat.discord.gatewayUrl", discord.gatewayUrl());
    }

    /** A Discord id: digits only (Developer Mode, then right-click, Copy ID). */
    private void snowflake(String path, String id) {
        if (Problems.blank(id)) {
            problems.add(path, "must be set");
        } else if (!id.strip().matches("\\d{1,20}")) {
            problems.add(path, "must be a Discord id, digits only (Developer Mode on, then right-click, Copy ID)");
        }
    }

    private void slack(SlackChatConfig slack) {
        problems.require("chat.slack.botToken", slack.botToken());
        if (slack.mode() == SlackChatConfig.Mode.SOCKET) {
            problems.requireFor("chat.slack.appToken", slack.appToken(), "socket");
        } else {
            problems.requireFor("chat.slack.signingSecret", slack.signingSecret(), "http");
        }
        problems.port("chat.slack.port", slack.port());
        Urls.check(problems, "chat.slack.apiUrl", slack.apiUrl());
        problems.require("chat.slack.channel", slack.channel());
    }

    void ops(OpsConfig ops) {
        problems.port("ops.port", ops.port());
        problems.require("ops.bind", ops.bind());
    }

    void instance(InstanceConfig instance) {
        if (instance.name() != null && !InstanceConfig.NAME.matcher(instance.name()).matches()) {
            problems.add("instance.name", "use 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or"
                    + " digit (it names this instance in logs and metrics)");
        }
        if (instance.lease().compareTo(InstanceConfig.SHORTEST_LEASE) < 0
                || instance.lease().compareTo(InstanceConfig.LONGEST_LEASE) > 0) {
            problems.add("instance.lease", "must be between 2s and 5m (a killed instance's work is taken over"
                    + " after this long)");
        }
    }

    void priority(PriorityConfig priority) {
        for (int i = 0; i < priority.urgentWords().size(); i++) {
            if (Problems.blank(priority.urgentWords().get(i))) {
                problems.add(Problems.at("priority.urgentWords", i), "must not be empty");
            }
        }
        if (priority.pageAbove() < 0 || priority.pageAbove() > 100) {
            problems.add("priority.pageAbove", "must be a score from 0 (never page) to 100");
        }
        if (priority.vipPoints() < 0 || priority.vipPoints() > 100) {
            problems.add("priority.vipPoints", "must be from 0 to 100");
        }
        for (int i = 0; i < priority.vips().size(); i++) {
            vip(Problems.at("priority.vips", i), priority.vips().get(i));
        }
    }

    private void vip(String path, VipConfig vip) {
        if (Problems.blank(vip.handle()) && Problems.blank(vip.id())) {
            problems.add(path, "needs a handle or an id");
        }
        if (!Problems.blank(vip.platform()) && Arrays.stream(Platform.values())
                .noneMatch(p -> p.id().equalsIgnoreCase(vip.platform().strip()))) {
            problems.add(Problems.at(path, "platform"), "must be one of: "
                    + Arrays.stream(Platform.values()).map(Platform::id).collect(Collectors.joining(", ")));
        }
        if (vip.points() != null && (vip.points() < 0 || vip.points() > 100)) {
            problems.add(Problems.at(path, "points"), "must be from 0 to 100");
        }
    }

    /** The manager, business hours, SLA, nudges, on-call rotation and one-owner window. */
    void followThrough(EarshotConfig config) {
        new FollowThroughValidator(problems, config.team()).check(config);
    }

    void routes(List<RouteConfig> routes, List<SourceConfig> sources) {
        List<String> sourceNames = sources.stream().map(s -> s.name() == null ? "" : s.name().strip()).toList();
        String kinds = Arrays.stream(MessageKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        for (int i = 0; i < routes.size(); i++) {
            RouteConfig route = routes.get(i);
            String path = Problems.at("routes", i);
            if (Problems.blank(route.source()) && Problems.blank(route.kind()) && Problems.blank(route.keyword())) {
                problems.add(path, "match on at least one of source, kind or keyword");
            }
            if (!Problems.blank(route.source()) && !sourceNames.contains(route.source().strip())) {
                problems.add(Problems.at(path, "source"), "names no configured source; sources: "
                        + String.join(", ", sourceNames));
            }
            if (!Problems.blank(route.kind()) && Arrays.stream(MessageKind.values())
                    .noneMatch(k -> k.name().equalsIgnoreCase(route.kind().strip()))) {
                problems.add(Problems.at(path, "kind"), "must be one of: " + kinds);
            }
            problems.require(Problems.at(path, "channel"), route.channel());
        }
    }

    void templates(List<TemplateConfig> templates) {
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < templates.size(); i++) {
            TemplateConfig template = templates.get(i);
            String path = Problems.at("templates", i);
            if (Problems.blank(template.name())) {
                problems.add(Problems.at(path, "name"), "must be set");
            } else {
                problems.unique(names, template.name().strip().toLowerCase(Locale.ROOT), Problems.at(path, "name"));
            }
            if (Problems.blank(template.text())) {
                problems.add(Problems.at(path, "text"), "must be set");
            } else if (!ReplyTemplate.unknownFields(template.text()).isEmpty()) {
                problems.add(Problems.at(path, "text"), "uses a field Earshot does not know; known fields: "
                        + ReplyTemplate.FIELDS.stream().map(f -> "{" + f + "}").collect(Collectors.joining(", ")));
            }
        }
    }

    void digest(DigestConfig digest) {
        if (digest.channel() != null && digest.channel().isBlank()) {
            problems.add("digest.channel", "must not be empty; leave it out to use the chat's channel");
        }
    }

    void store(StoreConfig store) {
        if (store.type() == StoreConfig.Type.SQLITE) {
            problems.require("store.path", store.path());
            return;
        }
        problems.requireFor("store.url", store.url(), "postgresql");
        if (!Problems.missing(store.url()) && !POSTGRES_URL.matcher(store.url().strip()).matches()) {
            problems.add("store.url", "not a PostgreSQL JDBC URL; write it like "
                    + StoreConfig.URL_PREFIX + "db.example.com:5432/earshot");
        }
        problems.requireFor("store.user", store.user(), "postgresql");
        problems.requireFor("store.password", store.password(), "postgresql");
    }

    /** jdbc:postgresql://host[:port][,host2[:port]]/database[?parameters]; the driver reads the rest. */
    private static final Pattern POSTGRES_URL =
            Pattern.compile(Pattern.quote(StoreConfig.URL_PREFIX) + "[^/?\\s]+/[^/?\\s]+(\\?\\S*)?");
}
