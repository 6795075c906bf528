package dev.earshot.chat.slack;

import com.slack.api.methods.SlackApiException;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.DeliveryException.Kind;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * What a Slack failure means for the outbox. Rate limits wait for {@code Retry-After}; errors a
 * retry cannot fix but a human can (a revoked token, a channel the bot is not in) pause the
 * channel; errors about one message give up on that message; the network and 5xx retry with
 * back-off. Messages name the method and Slack's error code, never a token.
 */
final class SlackErrors {
    /** A human must act: retrying will not help. */
    static final Set<String> BROKEN = Set.of("invalid_auth", "not_authed", "account_inactive", "token_revoked",
            "token_expired", "no_permission", "missing_scope", "channel_not_found", "not_in_channel",
            "is_archived", "team_access_not_granted", "org_login_required", "ekm_access_denied",
            "restricted_action", "restricted_action_read_only_channel", "two_factor_setup_required",
            "enterprise_is_restricted", "team_is_restricted", "access_denied", "not_allowed_token_type");
    /** This one message can never be sent as it is. */
    static final Set<String> REJECTED = Set.of("msg_too_long", "msg_blocks_too_long", "invalid_blocks",
            "invalid_blocks_format", "invalid_metadata_format", "invalid_metadata_schema", "metadata_too_large",
            "metadata_must_be_sent_from_app", "message_not_found", "cant_update_message", "edit_window_closed",
            "no_text", "too_many_attachments", "user_not_in_channel", "invalid_arguments", "thread_not_found",
            "cannot_reply_to_message", "invalid_ts_latest", "invalid_ts_oldest", "duplicate_message_not_found");

    /** The longest {@code Retry-After} obeyed. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    private SlackErrors() {
    }

    /** Slack answered {@code ok: false} with this error. */
    static DeliveryException refused(String method, String error, String neededScope) {
        String code = error == null ? "unknown_error" : error;
        String message = method + ": " + code + (neededScope == null ? "" : " (needs the scope " + neededScope + ")");
        if (code.equals("ratelimited") || code.equals("rate_limited")) {
            return DeliveryException.rateLimited(message, null);
        }
        if (BROKEN.contains(code)) {
            return new DeliveryException(Kind.BROKEN, message);
        }
        if (REJECTED.contains(code) || code.startsWith("invalid_") || code.contains("too_long")
                || code.contains("too_large")) {
            return new DeliveryException(Kind.REJECTED, message);
        }
        return new DeliveryException(Kind.TRANSIENT, message);
    }

    /** The SDK throws for any HTTP status but 200. */
    static DeliveryException fromHttp(String method, SlackApiException e, Clock clock) {
        int status = e.getResponse() == null ? 0 : e.getResponse().code();
        if (status == 429) {
            String header = e.getResponse().header("Retry-After");
            return new DeliveryException(Kind.RATE_LIMITED, method + ": ratelimited (HTTP 429)",
                    retryAfter(header, clock), e);
        }
        String error = e.getError() == null ? null : e.getError().getError();
        if (status >= 500 || status == 0 || error == null) {
            return new DeliveryException(Kind.TRANSIENT, method + ": HTTP " + status, null, e);
        }
        DeliveryException refused = refused(method, error, e.getError().getNeeded());
        return new DeliveryException(refused.kind(), refused.getMessage() + " (HTTP " + status + ")", null, e);
    }

    static DeliveryException fromNetwork(String method, IOException e) {
        return new DeliveryException(Kind.TRANSIENT, method + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()), null, e);
    }

    /**
     * {@code Retry-After} as seconds or an HTTP date, at most {@link #LONGEST_WAIT}; null when absent
     * or unreadable (then: back-off). Slack asks for seconds to a minute; a larger value is a
     * mistake or a proxy's, and must not stop a channel for hours.
     */
    static Duration retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.matches("\\d{1,18}")) {
            return capped(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Duration until = Duration.between(clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : capped(until);
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    private static Duration capped(Duration wait) {
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
