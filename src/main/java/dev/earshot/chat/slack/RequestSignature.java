package dev.earshot.chat.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature in HTTP mode: {@code X-Slack-Signature = v0=hex(HMAC-SHA256(secret,
 * "v0:" + X-Slack-Request-Timestamp + ":" + raw body))}. Checked here rather than by Bolt because
 * Bolt accepts any timestamp from the future and compares with {@code equals}: here the timestamp
 * must be within five minutes either way of our clock, and the compare takes constant time.
 */
final class RequestSignature {
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Pattern SHAPE = Pattern.compile("v0=[0-9a-f]{64}");

    private final byte[] secret;
    private final Clock clock;

    RequestSignature(String signingSecret, Clock clock) {
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /**
     * Whether the headers can belong to a request Slack signed within the tolerance: both present,
     * the signature shaped as Slack's, the timestamp fresh. Checked before any of the body is read.
     */
    boolean plausible(String timestamp, String signature) {
        if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")
                || !SHAPE.matcher(signature).matches()) {
            return false;
        }
        long age = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
        return Math.abs(age) <= TOLERANCE.toSeconds();
    }

    boolean valid(String timestamp, String signature, byte[] body) {
        if (!plausible(timestamp, signature)) {
            return false;
        }
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            byte[] digest = mac.doFinal(body);
            StringBuilder hex = new StringBuilder("v0=");
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
