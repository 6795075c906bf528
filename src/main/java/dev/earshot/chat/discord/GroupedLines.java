package dev.earshot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.core.Card;
import dev.earshot.port.DeliveryException;

/**
 * Redraws one card's line of a grouped message as Discord returned it: the line that starts with
 * {@code **#12**} in the embed, and its Claim button (disabled once the card no longer offers a
 * claim). The other lines and the footer's marks are kept as they are.
 */
final class GroupedLines {
    private GroupedLines() {
    }

    static void redraw(JsonNode message, Card card, ObjectNode edit) throws DeliveryException {
        ArrayNode embeds = message.path("embeds").deepCopy();
        String start = CardMessages.lineStart(card.conversationId()) + " ";
        boolean found = false;
        for (JsonNode embed : embeds) {
            String[] lines = embed.path("description").asText("").split("\n", -1);
            int budget = Math.max(80, 4_000 / Math.max(1, lines.length));
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith(start)) {
                    lines[i] = CardMessages.fit(CardMessages.line(card), budget);
                    found = true;
                }
            }
            ((ObjectNode) embed).put("description", String.join("\n", lines));
        }
        if (!found) {
            throw new DeliveryException(DeliveryException.Kind.REJECTED, "#" + card.conversationId()
                    + " has no line in the grouped message " + message.path("id").asText());
        }
        ArrayNode rows = message.path("components").deepCopy();
        String claim = Buttons.id(Buttons.CLAIM, card.conversationId());
        for (JsonNode row : rows) {
            for (JsonNode button : row.path("components")) {
                if (claim.equals(button.path("custom_id").asText())) {
                    ((ObjectNode) button).put("disabled", !card.actions().contains(Card.Action.CLAIM));
                }
            }
        }
        edit.set("embeds", embeds);
        edit.set("components", rows);
    }
}
