package dev.earshot.chat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What Slack sends: payloads from {@code src/test/resources/slack/}, with the fields a test varies. */
final class SlackPayloads {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong TRIGGERS = new AtomicLong();

    private SlackPayloads() {
    }

    static String trigger() {
        return "1700000000." + TRIGGERS.incrementAndGet() + ".fake";
    }

    /** A button click on a card in {@code channel}. */
    static ObjectNode click(String user, String team, String actionId, String value, String channel, String responseUrl) {
        ObjectNode p = template("block_actions");
        ((ObjectNode) p.get("user")).put("id", user).put("team_id", team);
        ((ObjectNode) p.get("team")).put("id", team);
        ((ObjectNode) p.get("channel")).put("id", channel);
        ((ObjectNode) p.get("container")).put("channel_id", channel);
        p.put("trigger_id", trigger()).put("response_url", responseUrl);
        ObjectNode action = (ObjectNode) p.get("actions").get(0);
        action.put("action_id", actionId).put("value", value);
        return p;
    }

    /** The Reply or Dismiss form sent with {@code values} (block id → action id → typed text). */
    static ObjectNode submit(String user, String team, String callbackId, String privateMetadata,
                             Map<String, Map<String, String>> values) {
        ObjectNode p = template("view_submission");
        ((ObjectNode) p.get("user")).put("id", user).put("team_id", team);
        p.put("trigger_id", trigger());
        ObjectNode view = (ObjectNode) p.get("view");
        view.put("callback_id", callbackId).put("private_metadata", privateMetadata);
        ObjectNode state = ((ObjectNode) view.get("state")).putObject("values");
        values.forEach((block, actions) -> {
            ObjectNode b = state.putObject(block);
            actions.forEach((action, text) -> b.putObject(action).put("type", "plain_text_input").put("value", text));
        });
        return p;
    }

    /** {@code /earshot <text>} as the form body Slack posts. */
    static String slash(String user, String team, String channel, String text, String responseUrl) {
        String body = resource("slash_command.txt").strip();
        return body.replace("user_id=U0ALICE", "user_id=" + user).replace("team_id=T0ACME", "team_id=" + team)
                .replace("channel_id=C0SUPPORT", "channel_id=" + channel)
                .replace("text=help", "text=" + enc(text))
                .replaceAll("response_url=[^&]*", "response_url=" + enc(responseUrl))
                .replaceAll("trigger_id=[^&]*", "trigger_id=" + enc(trigger()));
    }

    /** An interaction as the form body Slack posts in HTTP mode. */
    static String form(ObjectNode payload) {
        return "payload=" + enc(payload.toString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static ObjectNode template(String name) {
        try {
            return (ObjectNode) JSON.readTree(resource(name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = SlackPayloads.class.getResourceAsStream("/slack/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
