package dev.earshot.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link FakeSlack} and {@link FakeSocketMode} as one public object, for tests outside this package
 * that run Earshot whole (a child JVM configured by YAML) and judge it only by what Slack shows:
 * the cards in a channel, and the answers a teammate got to {@code /earshot} commands.
 */
public final class SlackWorkspace implements AutoCloseable {
    public static final String CHANNEL = SlackWorld.CHANNEL;
    public static final String ALICE = SlackWorld.ALICE;
    public static final String BOT_TOKEN = FakeSlack.BOT_TOKEN;
    public static final String APP_TOKEN = FakeSlack.APP_TOKEN;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeSlack slack = new FakeSlack();
    private final FakeSocketMode socket = new FakeSocketMode();
    private final AtomicLong envelopes = new AtomicLong();

    public SlackWorkspace() {
        slack.socketModeUrl(socket.url());
        slack.stampWith(Clock.systemUTC()); // the child runs on the wall clock, and looks back by it
    }

    /** The Web API base to configure as {@code chat.slack.apiUrl}. */
    public String apiUrl() {
        return slack.apiUrl();
    }

    /** Refuse a second post in one channel within a second of this clock, as Slack does. */
    public void paceWith(Clock clock) {
        slack.paceWith(clock);
    }

    /** Whether an Earshot is connected over Socket Mode now. */
    public boolean connected() {
        return !socket.connections.isEmpty();
    }

    /**
     * {@code user} types {@code /earshot text} in the cards' channel; returns the name of its
     * response_url, under which {@link #answers} finds what Earshot told them. Sent to nobody when
     * no Earshot is connected, as Slack would show "dispatch_failed".
     */
    public String slash(String user, String text) {
        long n = envelopes.incrementAndGet();
        String name = "slash-" + n;
        ObjectNode p = JSON.createObjectNode().put("token", "x").put("team_id", FakeSlack.TEAM)
                .put("channel_id", CHANNEL).put("user_id", user).put("user_name", user).put("command", "/earshot")
                .put("text", text).put("response_url", slack.responseUrl(name)).put("trigger_id", SlackPayloads.trigger());
        socket.envelope("env-" + n, "slash_commands", p);
        return name;
    }

    /** The texts Earshot sent to the response_url named {@code name}. */
    public List<String> answers(String name) {
        return slack.responses().stream().filter(r -> r.path("_url").asText().equals("/respond/" + name))
                .map(r -> r.path("text").asText()).toList();
    }

    /** For each conversation shown in {@code channel} (a card or a line of a grouped post): in how many messages. */
    public Map<Long, Integer> shown(String channel) {
        Map<Long, Integer> shown = new TreeMap<>();
        for (FakeSlack.Posted m : slack.topLevel(channel)) {
            conversationsIn(m).forEach(id -> shown.merge(id, 1, Integer::sum));
        }
        return shown;
    }

    /** The conversations shown in {@code channel}, in the order people see them: message by message, line by line. */
    public List<Long> shownInOrder(String channel) {
        List<Long> order = new java.util.ArrayList<>();
        for (FakeSlack.Posted m : slack.topLevel(channel)) {
            order.addAll(conversationsIn(m));
        }
        return order;
    }

    /** Every message posted in a thread of {@code channel} (under a card or a grouped post): its text and blocks. */
    public List<String> threadReplies(String channel) {
        return slack.where(m -> m.channel.equals(channel) && m.threadTs != null).stream()
                .map(m -> m.text + " " + m.blocks).toList();
    }

    private static List<Long> conversationsIn(FakeSlack.Posted m) {
        List<Long> ids = new java.util.ArrayList<>();
        if (m.blocks != null) {
            for (JsonNode block : m.blocks) {
                String id = block.path("block_id").asText();
                if (id.startsWith("earshot.card.") || id.startsWith("earshot.row.")) {
                    long n = Long.parseLong(id.substring(id.lastIndexOf('.') + 1));
                    if (!ids.contains(n)) {
                        ids.add(n);
                    }
                }
            }
        }
        return ids;
    }

    /** How many messages were posted at the top of {@code channel}. */
    public int posts(String channel) {
        return slack.topLevel(channel).size();
    }

    /** Every text and block Slack holds, with the calls' raw bodies: what a leak scan reads. */
    public String everything() {
        StringBuilder all = new StringBuilder();
        synchronized (slack) {
            slack.messages.forEach(m -> all.append(m.text).append('\n').append(m.blocks).append('\n'));
        }
        slack.responses().forEach(r -> all.append(r).append('\n'));
        return all.toString();
    }

    @Override
    public void close() {
        slack.close();
        socket.shutdown();
    }
}
