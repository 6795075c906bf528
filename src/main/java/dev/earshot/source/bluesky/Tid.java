package dev.earshot.source.bluesky;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * Record keys in TID form (13 characters of base32-sortable: a 53-bit microsecond timestamp and a
 * 10-bit clock id, top bit zero), as {@code app.bsky.feed.post} requires.
 *
 * <p>A reply's key must be the same on every retry and after a restart, so it is derived, not
 * drawn: the timestamp is the customer's post time plus up to a second, and the clock id and that
 * offset come from a SHA-256 of the idempotency key. One key, one record key; two replies to one
 * post collide with odds of about one in a billion.
 */
final class Tid {
    private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

    private Tid() {
    }

    static String forReply(Instant customerPostAt, String idempotencyKey) {
        long hash = hash(idempotencyKey);
        long micros = customerPostAt.toEpochMilli() * 1000L + Math.floorMod(hash >>> 10, 1_000_000L);
        long clockId = hash & 0x3FF;
        return encode(micros, clockId);
    }

    static String encode(long micros, long clockId) {
        long v = ((micros & 0x1F_FFFF_FFFF_FFFFL) << 10) | (clockId & 0x3FF);
        StringBuilder s = new StringBuilder(13);
        for (int i = 12; i >= 0; i--) {
            s.append(ALPHABET.charAt((int) ((v >>> (5 * i)) & 31)));
        }
        return s.toString();
    }

    static boolean valid(String rkey) {
        return rkey.matches("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}");
    }

    private static long hash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xFF);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
