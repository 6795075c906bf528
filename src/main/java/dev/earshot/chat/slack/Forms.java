package dev.earshot.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.app.Queries;
import dev.earshot.app.ReplyWords;
import dev.earshot.core.ReplyTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The modals: Reply… (the customer's words quoted, a text box, the platform's limit, the saved
 * replies to pick from) and Dismiss… (a reason). Which conversation a form is about travels in
 * its {@code private_metadata}; the typed text comes back in the submission's state.
 */
final class Forms {
    static final String REPLY_BLOCK = "reply.";
    static final String REPLY_INPUT = "text";
    static final String REASON_BLOCK = "reason";
    static final String REASON_INPUT = "reason";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Forms() {
    }

    /** What a form remembers about where it came from. */
    record Origin(long conversationId, String channel) {
        String toJson() {
            return NODES.objectNode().put("id", conversationId).put("channel", channel == null ? "" : channel).toString();
        }

        static Optional<Origin> of(String privateMetadata) {
            try {
                JsonNode node = JSON.readTree(privateMetadata == null ? "" : privateMetadata);
                if (node != null && node.path("id").canConvertToLong() && node.path("id").asLong() > 0) {
                    String channel = node.path("channel").asText("");
                    return Optional.of(new Origin(node.get("id").asLong(), channel.isBlank() ? null : channel));
                }
            } catch (java.io.IOException e) {
                // not ours
            }
            return Optional.empty();
        }
    }

    /**
     * The reply form. {@code version} names the text box's block: Slack keeps what was typed in a
     * block across updates, so a picked template goes into a new block to show.
     */
    static ObjectNode reply(Queries.ReplyContext context, Origin origin, List<ReplyTemplate> templates,
                            int version, String text) {
        var c = context.conversation();
        var latest = context.latest();
        ObjectNode view = modal(Actions.REPLY_FORM, "Reply to " + c.ref(), "Send", origin);
        ArrayNode blocks = view.putArray("blocks");
        String intro = "*@" + SlackText.escape(latest.author().handle()) + " wrote on "
                + c.platform().displayName() + ":*\n";
        blocks.add(CardBlocks.section("earshot.quote", intro
                + SlackText.quote(latest.text(), CardBlocks.SECTION_MAX - intro.length()).text(), true));
        // how the reply will read: the mention the platform puts first is the customer's handle, escaped
        blocks.add(CardBlocks.context(SlackText.escape(SlackText.cut(ReplyWords.formNote(context), 2_900))));
        if (!templates.isEmpty()) {
            ObjectNode pick = CardBlocks.section("earshot.templates", "Start from a saved reply:", false);
            ObjectNode select = pick.putObject("accessory").put("type", "static_select").put("action_id", Actions.TEMPLATE);
            select.set("placeholder", CardBlocks.plain("Pick one"));
            ArrayNode options = select.putArray("options");
            for (int i = 0; i < templates.size() && i < 100; i++) {
                ObjectNode option = options.addObject();
                option.set("text", CardBlocks.plain(SlackText.cut(templates.get(i).name(), 75)));
                option.put("value", Integer.toString(i));
            }
            blocks.add(pick);
        }
        ObjectNode input = blocks.addObject().put("type", "input").put("block_id", REPLY_BLOCK + version);
        input.set("label", CardBlocks.plain("Your reply, as the brand"));
        // plain_text hints take at most 150 characters; a long Mastodon handle would break the form.
        input.set("hint", CardBlocks.plain(SlackText.cut("At most " + context.maxLength() + " characters as "
                + c.platform().displayName() + " counts them, with what it puts first. Send sends it.", 150)));
        ObjectNode box = input.putObject("element").put("type", "plain_text_input").put("action_id", REPLY_INPUT)
                .put("multiline", true);
        if (text != null && !text.isEmpty()) {
            box.put("initial_value", text);
        }
        return view;
    }

    static ObjectNode dismiss(long conversationId, Origin origin) {
        ObjectNode view = modal(Actions.DISMISS_FORM, "Dismiss #" + conversationId, "Dismiss", origin);
        ObjectNode input = view.putArray("blocks").addObject().put("type", "input").put("block_id", REASON_BLOCK);
        input.set("label", CardBlocks.plain("Why does #" + conversationId + " need no answer?"));
        input.set("hint", CardBlocks.plain("For example: spam, not for us, answered elsewhere."));
        input.putObject("element").put("type", "plain_text_input").put("action_id", REASON_INPUT);
        return view;
    }

    private static ObjectNode modal(String callbackId, String title, String submit, Origin origin) {
        ObjectNode view = NODES.objectNode().put("type", "modal").put("callback_id", callbackId)
                .put("private_metadata", origin.toJson());
        view.set("title", CardBlocks.plain(SlackText.cut(title, 24)));
        view.set("submit", CardBlocks.plain(submit));
        view.set("close", CardBlocks.plain("Cancel"));
        return view;
    }

    /** The block id and text of the reply box among a form's state values (block id → action id → value). */
    static Optional<Map.Entry<String, String>> replyText(Map<String, Map<String, String>> values) {
        for (Map.Entry<String, Map<String, String>> block : values.entrySet()) {
            if (block.getKey().startsWith(REPLY_BLOCK)) {
                String text = block.getValue().get(REPLY_INPUT);
                return Optional.of(Map.entry(block.getKey(), text == null ? "" : text));
            }
        }
        return Optional.empty();
    }

    /** The version number of the reply box's block ({@code reply.3} → 3). */
    static int version(String blockId) {
        try {
            return Integer.parseInt(blockId.substring(REPLY_BLOCK.length()));
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
