package dev.earshot.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.earshot.core.Message;
import dev.earshot.port.DeliveryException;
import dev.earshot.port.DeliveryException.Kind;
import dev.earshot.port.SocialSource;
import dev.earshot.port.SocialSource.Fetch;
import dev.earshot.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every source promises, whatever its platform, checked against each platform's local fake:
 * a rate limit waits for its reset when the platform names one (and calls nothing meanwhile) and
 * backs off otherwise; a 5xx is transient; a refused token needs a human; a reply whose answer
 * was lost is found, not sent twice; a page that fails half way loses nothing. A subclass gives
 * the fake's levers.
 */
public abstract class SourceContract {
    protected final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");

    /** A fresh source on the fake (a new process, as far as the source knows). */
    protected abstract SocialSource source();

    /** {@code n} customers write to the brand now. */
    protected abstract void customersWrite(int n);

    /** More messages than one page of the list holds. */
    protected abstract int moreThanOnePage();

    /** The next request for the list of messages answers {@code status} with these headers. */
    protected abstract void nextListAnswers(int status, Map<String, String> headers);

    /** The first page of the list is answered, the one after it answers {@code status}. */
    protected abstract void secondPageAnswers(int status);

    /** The platform's rate-limit headers saying the budget is spent until {@code reset}. */
    protected abstract Map<String, String> spentUntil(Instant reset);

    /** From now on the platform refuses the source's credentials. */
    protected abstract void refuseCredentials();

    /** The next reply is applied by the platform, and its connection dropped before the answer. */
    protected abstract void dropNextReplyAfterApplying();

    /** Replies the customers received so far. */
    protected abstract int repliesReceived();

    /** Requests the fake received so far. */
    protected abstract int requests();

    /** False for a read-only source (a feed): it refuses every reply, and the team answers on the site. */
    protected boolean repliesThroughEarshot() {
        return true;
    }

    /** A source that has read once, and the cursor it left. */
    private record Started(SocialSource source, String cursor) {
    }

    private Started started() throws DeliveryException {
        SocialSource s = source();
        return new Started(s, s.fetchSince(Optional.empty()).nextCursor());
    }

    @Test
    void aRateLimitWithAResetWaitsForItAndCallsNothingMeanwhile() throws Exception {
        Started s = started();
        nextListAnswers(429, spentUntil(clock.instant().plusSeconds(120)));
        DeliveryException e = assertThrows(DeliveryException.class, () -> s.source().fetchSince(Optional.of(s.cursor())));
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Optional.of(Duration.ofSeconds(120)), e.retryAfter());
        int before = requests();
        clock.advance(Duration.ofSeconds(119));
        assertEquals(Kind.RATE_LIMITED, assertThrows(DeliveryException.class,
                () -> s.source().fetchSince(Optional.of(s.cursor()))).kind());
        assertEquals(before, requests(), "nothing is called before the reset");
        clock.advance(Duration.ofSeconds(1));
        customersWrite(1);
        assertEquals(1, s.source().fetchSince(Optional.of(s.cursor())).messages().size());
    }

    @Test
    void aRateLimitWithoutAResetLeavesTheWaitToTheCaller() throws Exception {
        Started s = started();
        nextListAnswers(429, Map.of());
        DeliveryException e = assertThrows(DeliveryException.class, () -> s.source().fetchSince(Optional.of(s.cursor())));
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Optional.empty(), e.retryAfter(), "the poller backs off on its own");
        customersWrite(1);
        assertEquals(1, s.source().fetchSince(Optional.of(s.cursor())).messages().size(), "nothing is held back");
    }

    @Test
    void aServerErrorIsTransient() throws Exception {
        Started s = started();
        customersWrite(1);
        nextListAnswers(503, Map.of());
        assertEquals(Kind.TRANSIENT, assertThrows(DeliveryException.class,
                () -> s.source().fetchSince(Optional.of(s.cursor()))).kind());
        assertEquals(1, s.source().fetchSince(Optional.of(s.cursor())).messages().size());
    }

    @Test
    void aRefusedTokenNeedsAHuman() {
        refuseCredentials();
        assertEquals(Kind.BROKEN, assertThrows(DeliveryException.class,
                () -> source().fetchSince(Optional.empty())).kind());
    }

    @Test
    void aReadOnlySourceRefusesEveryReplyForGood() throws Exception {
        assumeFalse(repliesThroughEarshot());
        Started s = started();
        customersWrite(1);
        Message to = s.source().fetchSince(Optional.of(s.cursor())).messages().get(0);
        assertFalse(to.platform().repliesThroughEarshot(), "the card offers Answered there, not Reply");
        assertEquals(Kind.REJECTED, assertThrows(DeliveryException.class,
                () -> s.source().reply(to, "On it!", "key-1")).kind(), "never retried");
        assertEquals(Optional.empty(), s.source().findReply(to, "key-1"));
        assertEquals(0, repliesReceived());
    }

    @Test
    void aReplyWhoseAnswerWasLostReachesTheCustomerOnce() throws Exception {
        assumeTrue(repliesThroughEarshot());
        Started s = started();
        customersWrite(1);
        Message to = s.source().fetchSince(Optional.of(s.cursor())).messages().get(0);
        dropNextReplyAfterApplying();
        DeliveryException lost = assertThrows(DeliveryException.class, () -> s.source().reply(to, "On it!", "key-1"));
        assertEquals(Kind.TRANSIENT, lost.kind(), "the outcome is unknown");
        assertEquals(1, repliesReceived(), "the platform took it");
        // What the outbox does with a send whose outcome is unknown: look first, send only if not found.
        Optional<SocialSource.SentReply> found = s.source().findReply(to, "key-1");
        SocialSource.SentReply sent = found.isPresent() ? found.get() : s.source().reply(to, "On it!", "key-1");
        assertTrue(sent.externalId() != null && !sent.externalId().isBlank());
        assertEquals(1, repliesReceived(), "never twice");
        s.source().reply(to, "On it!", "key-1");
        assertEquals(1, repliesReceived(), "not even when the same key is sent again");
    }

    @Test
    void aPageThatFailsHalfWayLosesNothing() throws Exception {
        Started s = started();
        int n = moreThanOnePage();
        customersWrite(n);
        secondPageAnswers(503);
        assertThrows(DeliveryException.class, () -> s.source().fetchSince(Optional.of(s.cursor())),
                "no Fetch, so no new cursor: the store keeps the old one");
        Fetch again = s.source().fetchSince(Optional.of(s.cursor()));
        Set<String> ids = again.messages().stream().map(Message::externalId).collect(Collectors.toSet());
        assertEquals(n, ids.size(), "every message of both pages, once");
    }
}
