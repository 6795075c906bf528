package dev.earshot.config;

import dev.earshot.core.MessageKind;
import dev.earshot.core.ReplyTemplate;
import java.time.Duration;
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
            if (blank(member.name())) {
                problems.add(Problems.at(path, "name"), "must be set");
            } else {
                String key = member.name().strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
                unique(names, key, Problems.at(path, "name"));
            }
            if (!blank(member.slack())) {
                unique(slackIds, member.slack().strip(), Problems.at(path, "slack"));
            }
            if (!blank(member.discord())) {
                unique(discordIds, member.discord().strip(), Problems.at(path, "discord"));
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
            require("chat.shell.channel", chat.shell().channel());
        }
        if (chat.slack() != null) {
            slack(chat.slack());
        }
        if (chat.discord() != null) {
            discord(chat.discord());
        }
    }

    private void discord(DiscordChatConfig discord) {
        require("chat.discord.token", discord.token());
        snowflake("chat.discord.guild", discord.guild());
        snowflake("chat.discord.channel", discord.channel());
        Urls.check(problems, "chat.discord.apiUrl", discord.apiUrl());
        Urls.checkSocket(problems, "chat.discord.gatewayUrl", discord.gatewayUrl());
    }

    /** A Discord id: digits only (Developer Mode, then right-click, Copy ID). */
    private void snowflake(String path, String id) {
        if (blank(id)) {
            problems.add(path, "must be set");
        } else if (!id.strip().matches("\\d{1,20}")) {
            problems.add(path, "must be a Discord id, digits only (Developer Mode on, then right-click, Copy ID)");
        }
    }

    private void slack(SlackChatConfig slack) {
        require("chat.slack.botToken", slack.botToken());
        if (slack.mode() == SlackChatConfig.Mode.SOCKET) {
            requireFor("chat.slack.appToken", slack.appToken(), "socket");
        } else {
            requireFor("chat.slack.signingSecret", slack.signingSecret(), "http");
        }
        port("chat.slack.port", slack.port());
        Urls.check(problems, "chat.slack.apiUrl", slack.apiUrl());
        require("chat.slack.channel", slack.channel());
    }

    /** Checks one source; {@code names} spots a name already used by an earlier source. */
    void source(SourceConfig source, String path, Map<String, String> names) {
        if (blank(source.name())) {
            problems.add(Problems.at(path, "name"), "must be set");
        } else {
            unique(names, source.name().strip().toLowerCase(Locale.ROOT), Problems.at(path, "name"));
        }
        if (source instanceof DemoSourceConfig demo) {
            require(Problems.at(path, "account"), demo.account());
            polling(path, demo.pollEvery(), Duration.ZERO, 0);
        } else if (source instanceof MastodonSourceConfig mastodon) {
            require(Problems.at(path, "instance"), mastodon.instance());
            if (mastodon.instance() != null) {
                Urls.check(problems, Problems.at(path, "instance"), mastodon.instance());
            }
            require(Problems.at(path, "accessToken"), mastodon.accessToken());
            polling(path, mastodon.pollEvery(), mastodon.backfill(), mastodon.backfillMax());
            keywords(path, mastodon.keywords(), Integer.MAX_VALUE);
            for (int i = 0; i < mastodon.keywords().size(); i++) {
                String k = mastodon.keywords().get(i);
                if (k.startsWith("#") && !k.substring(1).matches("[\\p{L}\\p{N}_]+")) {
                    problems.add(Problems.at(Problems.at(path, "keywords"), i),
                            "a hashtag is # and letters, digits or _ only, without spaces");
                }
            }
        } else if (source instanceof BlueskySourceConfig bluesky) {
            require(Problems.at(path, "handle"), bluesky.handle());
            require(Problems.at(path, "appPassword"), bluesky.appPassword());
            Urls.check(problems, Problems.at(path, "service"), bluesky.service());
            polling(path, bluesky.pollEvery(), bluesky.backfill(), bluesky.backfillMax());
            keywords(path, bluesky.keywords(), Integer.MAX_VALUE);
        } else if (source instanceof XSourceConfig x) {
            require(Problems.at(path, "apiKey"), x.apiKey());
            require(Problems.at(path, "apiSecret"), x.apiSecret());
            require(Problems.at(path, "accessToken"), x.accessToken());
            require(Problems.at(path, "accessTokenSecret"), x.accessTokenSecret());
            Urls.check(problems, Problems.at(path, "baseUrl"), x.baseUrl());
            polling(path, x.pollEvery(), x.backfill(), x.backfillMax());
            // Earshot adds " -from:<brand> -is:retweet" (a username has at most 15 characters) and may quote a phrase.
            keywords(path, x.keywords(), XSourceConfig.MAX_QUERY - " -from: -is:retweet".length() - 15 - 2);
            if (x.pageSize() < XSourceConfig.MIN_PAGE_SIZE || x.pageSize() > XSourceConfig.MAX_PAGE_SIZE) {
                problems.add(Problems.at(path, "pageSize"), "must be from " + XSourceConfig.MIN_PAGE_SIZE + " to "
                        + XSourceConfig.MAX_PAGE_SIZE + " (what X accepts per request)");
            }
        }
    }

    void ops(OpsConfig ops) {
        port("ops.port", ops.port());
        require("ops.bind", ops.bind());
    }

    void priority(PriorityConfig priority) {
        for (int i = 0; i < priority.urgentWords().size(); i++) {
            if (blank(priority.urgentWords().get(i))) {
                problems.add(Problems.at("priority.urgentWords", i), "must not be empty");
            }
        }
        if (priority.pageAbove() < 0 || priority.pageAbove() > 100) {
            problems.add("priority.pageAbove", "must be a score from 0 (never page) to 100");
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
            if (blank(route.source()) && blank(route.kind()) && blank(route.keyword())) {
                problems.add(path, "match on at least one of source, kind or keyword");
            }
            if (!blank(route.source()) && !sourceNames.contains(route.source().strip())) {
                problems.add(Problems.at(path, "source"), "names no configured source; sources: "
                        + String.join(", ", sourceNames));
            }
            if (!blank(route.kind()) && Arrays.stream(MessageKind.values())
                    .noneMatch(k -> k.name().equalsIgnoreCase(route.kind().strip()))) {
                problems.add(Problems.at(path, "kind"), "must be one of: " + kinds);
            }
            require(Problems.at(path, "channel"), route.channel());
        }
    }

    void templates(List<TemplateConfig> templates) {
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < templates.size(); i++) {
            TemplateConfig template = templates.get(i);
            String path = Problems.at("templates", i);
            if (blank(template.name())) {
                problems.add(Problems.at(path, "name"), "must be set");
            } else {
                unique(names, template.name().strip().toLowerCase(Locale.ROOT), Problems.at(path, "name"));
            }
            if (blank(template.text())) {
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
            require("store.path", store.path());
            return;
        }
        requireFor("store.url", store.url(), "postgresql");
        if (!missing(store.url()) && !POSTGRES_URL.matcher(store.url().strip()).matches()) {
            problems.add("store.url", "not a PostgreSQL JDBC URL; write it like "
                    + StoreConfig.URL_PREFIX + "db.example.com:5432/earshot");
        }
        requireFor("store.user", store.user(), "postgresql");
        requireFor("store.password", store.password(), "postgresql");
    }

    /** jdbc:postgresql://host[:port][,host2[:port]]/database[?parameters]; the driver reads the rest. */
    private static final Pattern POSTGRES_URL =
            Pattern.compile(Pattern.quote(StoreConfig.URL_PREFIX) + "[^/?\\s]+/[^/?\\s]+(\\?\\S*)?");

    /** Keywords to search for: none empty, none twice, each at most {@code maxLength} characters. */
    private void keywords(String path, List<String> keywords, int maxLength) {
        Map<String, String> seen = new HashMap<>();
        String at = Problems.at(path, "keywords");
        if (keywords.size() > MAX_KEYWORDS) {
            problems.add(at, "at most " + MAX_KEYWORDS + " keywords per source (each is one more request per poll)");
        }
        for (int i = 0; i < keywords.size(); i++) {
            String k = keywords.get(i);
            if (k.isEmpty() || k.equals("#")) {
                problems.add(Problems.at(at, i), "must not be empty");
            } else if (k.length() > maxLength) {
                problems.add(Problems.at(at, i), "must be at most " + maxLength + " characters");
            } else {
                unique(seen, k.toLowerCase(Locale.ROOT), Problems.at(at, i));
            }
        }
    }

    /** Each keyword costs one search request per poll. */
    static final int MAX_KEYWORDS = 10;

    private void polling(String path, Duration pollEvery, Duration backfill, int backfillMax) {
        if (pollEvery.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add(Problems.at(path, "pollEvery"), "must be at least 1s");
        }
        if (backfill.isNegative()) {
            problems.add(Problems.at(path, "backfill"), "must not be negative");
        }
        if (backfillMax < 0) {
            problems.add(Problems.at(path, "backfillMax"), "must be 0 or more");
        }
    }

    private void port(String path, int port) {
        if (port < 0 || port > 65535) {
            problems.add(path, "must be a port from 0 to 65535");
        }
    }

    private void require(String path, Object value) {
        if (missing(value)) {
            problems.add(path, "must be set");
        }
    }

    private void requireFor(String path, Object value, String mode) {
        if (missing(value)) {
            problems.add(path, "must be set in " + mode + " mode");
        }
    }

    private void unique(Map<String, String> seen, String key, String path) {
        String first = seen.putIfAbsent(key, path);
        if (first != null) {
            problems.add(path, "already used by " + first);
        }
    }

    private static boolean missing(Object value) {
        return value == null
                || value instanceof String s && s.isBlank()
                || value instanceof Secret secret && secret.isEmpty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
