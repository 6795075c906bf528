package dev.earshot.config;

import dev.earshot.core.AfterHoursAck;

/**
 * The after-hours acknowledgement: outside {@code businessHours}, a customer who writes to the
 * brand (mention, reply, quote; a direct message when {@code directMessages}) gets one answer, at
 * most once per closed period. Never to keyword matches. Off by default.
 *
 * @param enabled default false
 * @param template the answer, with {@code {customer}}, {@code {handle}} and {@code {opens}};
 *     default {@value AfterHoursAck#DEFAULT_TEMPLATE}
 * @param directMessages also answer direct messages (privately); default true
 */
public record AfterHoursConfig(Boolean enabled, String template, Boolean directMessages) {
    public AfterHoursConfig {
        enabled = enabled != null && enabled;
        directMessages = directMessages == null || directMessages;
    }

    public static AfterHoursConfig defaults() {
        return new AfterHoursConfig(null, null, null);
    }

    public AfterHoursAck toAck() {
        return new AfterHoursAck(enabled, template, directMessages);
    }
}
