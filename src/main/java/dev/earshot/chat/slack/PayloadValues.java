package dev.earshot.chat.slack;

import com.slack.api.model.view.ViewState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values read out of Slack's payloads, which may lack any part: a form's typed fields as plain
 * maps, and a button's or option's conversation number, -1 when it is not one.
 */
final class PayloadValues {
    private PayloadValues() {
    }

    /** A form's state as block id → action id → typed value ("" when empty). */
    static Map<String, Map<String, String>> of(ViewState state) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (state == null || state.getValues() == null) {
            return out;
        }
        state.getValues().forEach((block, actions) -> {
            Map<String, String> inner = new LinkedHashMap<>();
            actions.forEach((action, value) -> inner.put(action, value == null || value.getValue() == null ? ""
                    : value.getValue()));
            out.put(block, inner);
        });
        return out;
    }

    static long number(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
