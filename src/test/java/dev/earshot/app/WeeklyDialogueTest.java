package dev.earshot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.core.Author;
import dev.earshot.core.Message;
import dev.earshot.core.MessageKind;
import dev.earshot.core.Platform;
import dev.earshot.port.SocialSource;
import dev.earshot.testing.Harness;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Monday digest's dialogue figures: last week's posts split, against the four weeks before. */
class WeeklyDialogueTest {
    @TempDir
    Path dir;

    @Test
    void theWeeklyDigestComparesLastWeekWithTheFourBefore() {
        try (Harness h = new Harness(dir)) {
            Instant lastWeek = Instant.parse("2026-11-17T10:00:00Z");
            Instant before = Instant.parse("2026-10-27T10:00:00Z"); // four weeks earlier still counts
            List<SocialSource.BrandReply> replies = new ArrayList<>();
            List<SocialSource.Broadcast> broadcasts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                replies.add(new SocialSource.BrandReply("r" + i, "nobody" + i, "thanks", lastWeek.plusSeconds(i)));
            }
            broadcasts.add(new SocialSource.Broadcast("b0", lastWeek));
            for (int i = 0; i < 4; i++) {
                broadcasts.add(new SocialSource.Broadcast("old" + i, before.plus(Duration.ofDays(i))));
            }
            Message m = new Message(Platform.DEMO, "demo", "m1", new Author(Platform.DEMO, "jane", null, 10, ""),
                    "hello", "", lastWeek, MessageKind.MENTION, null, null);
            h.ingest.ingest(h.source, new SocialSource.Fetch(List.of(m), replies, "c1", List.of(), broadcasts));
            h.ingest.ingest(h.source, new SocialSource.Fetch(List.of(), replies, "c2", List.of(), broadcasts));

            assertEquals(2, h.digests.runDue(Instant.parse("2026-11-23T09:00:00Z")), "daily and weekly");
            h.drain(h.dispatcher(dev.earshot.app.outbox.Dispatcher.CrashPoints.NONE, (name, trend) -> java.util.Optional.of(
                    new dev.earshot.port.ChatPlatform.Image(name + ".png", name, new byte[] {1}))));
            String weekly = h.chat.reports.stream().map(r -> r.text()).filter(t -> t.contains("Weekly digest"))
                    .findFirst().orElseThrow();
            assertTrue(weekly.contains("\n\nDialogue, not broadcast (the brand's own posts; against the 4 weeks before):\n"
                    + "  Demo         4 posts: 3 replies to customers, 1 broadcasts · replies 75% (▲ from 0%)"
                    + " · answered 0 of 1 conversations, 0% · 1 posts a week before"), weekly);
        }
    }
}
