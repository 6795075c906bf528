package dev.earshot.app;

import dev.earshot.app.outbox.Dispatcher;
import dev.earshot.core.Author;
import dev.earshot.core.BusinessHours;
import dev.earshot.core.Continuity;
import dev.earshot.core.Member;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.NudgePlan;
import dev.earshot.core.OnCallRotation;
import dev.earshot.core.Platform;
import dev.earshot.core.PriorityRules;
import dev.earshot.core.SlaPolicy;
import dev.earshot.core.Team;
import dev.earshot.port.SocialSource;
import dev.earshot.testing.Harness;
import dev.earshot.testing.RecordingChat;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The harness with follow-through on, as a team would set it: Mon–Fri 09:00–17:00 UTC, first
 * response in 1h (4h after hours), the standard steps (50% thread, 100% on-call, 200% manager),
 * bob then alice on call from Monday 23 November 2026 09:00 (the harness's start), carol manages.
 */
final class FollowThroughWorld {
    static final Team TEAM = new Team(List.of(
            new Member("alice", Map.of(), false, false),
            new Member("bob", Map.of(), false, false),
            new Member("carol", Map.of(), true, false)));

    static final ZoneId UTC = ZoneId.of("UTC");

    final Harness h;
    Dispatcher dispatcher;

    FollowThroughWorld(Path dir, NudgePlan plan, int pageAbove) {
        h = new Harness(dir, new RecordingChat(), settings(plan, pageAbove), PriorityRules.defaults());
        dispatcher = h.dispatcher();
    }

    FollowThroughWorld(Path dir) {
        this(dir, NudgePlan.standard(), 0);
    }

    static FollowThrough settings(NudgePlan plan, int pageAbove) {
        BusinessHours office = BusinessHours.standard(UTC);
        OnCallRotation rotation = new OnCallRotation(List.of("bob", "alice"), DayOfWeek.MONDAY, LocalTime.of(9, 0),
                UTC, LocalDate.parse("2026-11-23"));
        return new FollowThrough(TEAM, office, new SlaPolicy(Duration.ofHours(1), Duration.ofHours(4), false, office),
                plan, rotation, "carol", new Continuity(Duration.ofDays(14)), pageAbove, "support");
    }

    /** A customer writes now; returns the id of the conversation the message landed in. */
    long customer(String externalId, String handle, String text) {
        return customer(externalId, handle, text, MessageKind.MENTION, 120);
    }

    long customer(String externalId, String handle, String text, MessageKind kind, long followers) {
        return customer(externalId, handle, text, kind, followers, null);
    }

    /** A customer writes now in {@code thread} (their messages in one thread join one open conversation). */
    long customer(String externalId, String handle, String text, MessageKind kind, long followers, String thread) {
        Message m = new Message(Platform.DEMO, "demo", externalId, new Author(Platform.DEMO, handle, handle, followers, ""),
                text, "", h.clock.instant(), kind, null, thread);
        h.ingest.ingest(h.demo, new SocialSource.Fetch(List.of(m), null));
        return h.store.read(tx -> tx.conversationOfMessage(Platform.DEMO, "demo", externalId)).orElseThrow().id();
    }

    /** The clock moves, the tick runs (wake snoozes, then nudge), the outbox drains. */
    int after(Duration by) {
        h.clock.advance(by);
        return tick();
    }

    int tick() {
        h.inbox.wakeSnoozed();
        int sent = h.nudger.tick();
        h.drain(dispatcher);
        return sent;
    }

    void drain() {
        h.drain(dispatcher);
    }

    /** After a restart, the dispatcher is new too (as in a new process). */
    void restart() {
        h.restart();
        dispatcher = h.dispatcher();
    }

    List<String> threadTexts() {
        return h.chat.thread.stream().map(RecordingChat.ThreadLine::text).toList();
    }

    List<String> channelTexts() {
        return h.chat.channelPosts.stream().map(RecordingChat.ChannelLine::text).toList();
    }
}
