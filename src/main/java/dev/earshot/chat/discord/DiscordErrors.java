package dev.earshot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.port.DeliveryException;
import java.time.Duration;

/**
 * Discord's refusals as {@link DeliveryException}s. What a human must fix (a refused token, a
 * permission the bot lacks, a deleted channel) is {@code BROKEN}: the dispatcher stops calling,
 * shows it on {@code /healthz} and probes with back-off; nothing queued is lost meanwhile.
 */
final class DiscordErrors {
    /** JSON error codes (discord.com/developers/docs/topics/opcodes-and-status-codes). */
    static final int UNKNOWN_CHANNEL = 10003;
    static final int UNKNOWN_MESSAGE = 10008;
    static final int MISSING_ACCESS = 50001;
    static final int MISSING_PERMISSIONS = 50013;
    static final int THREAD_ALREADY_CREATED = 160004;

    private DiscordErrors() {
    }

    /** A refusal with Discord's JSON error code, so that a caller can step around an expected one. */
    static final class Refused extends DeliveryException {
        private final int code;

        Refused(Kind kind, String message, Duration retryAfter, int code) {
            super(kind, message, retryAfter, null);
            this.code = code;
        }

        int code() {
            return code;
        }
    }

    static Refused of(String what, int status, JsonNode body, String retryAfterHeader) {
        int code = body.path("code").asInt(0);
        String message = what + ": HTTP " + status + (code == 0 ? "" : " code " + code)
                + (body.hasNonNull("message") ? " (" + DiscordText.oneLine(body.get("message").asText(), 200) + ")" : "");
        if (status == 429) {
            return new Refused(DeliveryException.Kind.RATE_LIMITED, message, retryAfter(body, retryAfterHeader), code);
        }
        if (status == 401) {
            return new Refused(DeliveryException.Kind.BROKEN, message
                    + ": Discord refused the bot token; check chat.discord.token", null, code);
        }
        if (status == 403 || code == MISSING_ACCESS || code == MISSING_PERMISSIONS) {
            return new Refused(DeliveryException.Kind.BROKEN, message
                    + ": the bot lacks a permission in the channel; re-invite it with `earshot discord-invite`", null, code);
        }
        if (code == UNKNOWN_CHANNEL) {
            return new Refused(DeliveryException.Kind.BROKEN, message
                    + ": the channel is gone or hidden from the bot; check chat.discord.channel", null, code);
        }
        if (status >= 500 || status == 408) {
            return new Refused(DeliveryException.Kind.TRANSIENT, message, null, code);
        }
        return new Refused(DeliveryException.Kind.REJECTED, message, null, code);
    }

    /** {@code retry_after} in the body is in seconds, with a fraction; the header is whole seconds. */
    private static Duration retryAfter(JsonNode body, String header) {
        if (body.has("retry_after")) {
            return Duration.ofMillis(Math.max(1, Math.round(body.get("retry_after").asDouble() * 1000)));
        }
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header == null ? "1" : header.strip())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }
}
