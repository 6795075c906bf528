package dev.earshot.chat.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import dev.earshot.app.ReplyPreview;
import java.util.List;

/**
 * A typed reply's preview, answered to its author alone: the reply as the customer will see it
 * (escaped, in a code block) and Send and Cancel buttons carrying the draft's id. Pressing either
 * replaces this message with the outcome, so the buttons go away.
 */
final class PreviewBlocks {
    private PreviewBlocks() {
    }

    static List<LayoutBlock> of(ReplyPreview preview, String words) {
        String value = Long.toString(preview.draftId());
        ButtonElement send = ButtonElement.builder().actionId(Actions.SEND).value(value).style("primary")
                .text(PlainTextObject.builder().text("Send").build()).build();
        ButtonElement cancel = ButtonElement.builder().actionId(Actions.CANCEL).value(value)
                .text(PlainTextObject.builder().text("Cancel").build()).build();
        return List.of(
                com.slack.api.model.block.SectionBlock.builder().blockId("earshot.preview")
                        .text(MarkdownTextObject.builder().text(SlackText.cut(SlackAnswers.text(words), 2_990))
                                .verbatim(true).build()).build(),
                com.slack.api.model.block.ActionsBlock.builder().blockId("earshot.preview.actions")
                        .elements(List.of(send, cancel)).build());
    }
}
