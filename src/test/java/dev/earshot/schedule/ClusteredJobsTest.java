package dev.earshot.schedule;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.store.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Two schedulers on one embedded PostgreSQL, as two instances would run them: Quartz's clustered
 * job store (tables of V10). Quartz works on wall time, so the triggers here fire every second and
 * instances check in every second; what is awaited is Quartz's own turn, never a rule's time.
 */
class ClusteredJobsTest {
    private static final Duration EVERY = Duration.ofSeconds(1);

    @Test
    void eachTurnRunsOnExactlyOneInstance() {
        String url = TestPostgres.migratedDatabase();
        Map<Instant, List<String>> runs = new ConcurrentHashMap<>();
        Schedule a = clustered(url, "a");
        Schedule b = clustered(url, "b");
        try {
            a.every("tick", Duration.ZERO, EVERY, record(runs, "a"));
            b.every("tick", Duration.ZERO, EVERY, record(runs, "b"));
            a.start();
            b.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> runs.size() >= 5);
        } finally {
            a.stop(Duration.ofSeconds(5));
            b.stop(Duration.ofSeconds(5));
        }
        runs.forEach((turn, where) -> assertEquals(1, where.size(), "turn " + turn + " ran on " + where));
    }

    @Test
    void aDeadInstancesJobIsTakenOverByTheOther() throws InterruptedException {
        String url = TestPostgres.migratedDatabase();
        Map<Instant, List<String>> runs = new ConcurrentHashMap<>();
        CountDownLatch aIsRunning = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Schedule a = clustered(url, "a");
        Schedule b = clustered(url, "b");
        try {
            // a's turn never ends: a dies in the middle of it, holding the job (never two at once)
            a.every("tick", Duration.ZERO, EVERY, record(runs, "a").andThen(at -> {
                aIsRunning.countDown();
                awaitQuietly(never);
            }));
            a.start();
            aIsRunning.await();
            b.every("tick", Duration.ZERO, EVERY, record(runs, "b"));
            b.start();

            long killed = System.nanoTime();
            a.stop(Duration.ZERO); // gone without finishing its turn or telling anyone: like a SIGKILL
            await().atMost(Duration.ofSeconds(30)).until(() -> runs.values().stream().anyMatch(w -> w.contains("b")));
            System.err.printf("b took the job over %d ms after a died%n", (System.nanoTime() - killed) / 1_000_000);
            int before = runs.size();
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.size() >= before + 2); // and goes on
        } finally {
            never.countDown();
            b.stop(Duration.ofSeconds(5));
        }
        runs.forEach((turn, where) -> assertEquals(1, where.size(), "turn " + turn + " ran on " + where));
    }

    @Test
    void aDigestMissedWhileEveryInstanceWasDownRunsOnceAtTheNextStart() {
        String url = TestPostgres.migratedDatabase();
        ZoneId zone = ZoneId.of("Europe/Berlin");
        // half an hour away from now, so that neither trigger's own turn comes during the test
        LocalTime at = LocalTime.of(9, (java.time.LocalTime.now(zone).getMinute() + 30) % 60);
        Schedule before = clustered(url, "a");
        before.dailyAt("digest", at, zone, turn -> { });
        before.start();
        before.stop(Duration.ofSeconds(5));
        // Every instance stays down across 09:00: the stored trigger's turn is now in the past.
        TestPostgres.superuser(url, "UPDATE qrtz_triggers SET next_fire_time = "
                + Instant.now().minus(Duration.ofHours(2)).toEpochMilli() + " WHERE trigger_name = 'digest:daily'");

        List<Instant> ran = new CopyOnWriteArrayList<>();
        Schedule after = clustered(url, "b");
        try {
            after.dailyAt("digest", at, zone, ran::add); // same schedule: the stored trigger is kept
            after.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> !ran.isEmpty());
            // another misfire round, and its next turn is tomorrow: still one
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        } finally {
            after.stop(Duration.ofSeconds(5));
        }
        assertEquals(1, ran.size(), "runs: " + ran);
        assertTrue(ran.get(0).isAfter(Instant.now().minus(Duration.ofMinutes(1))), "fired late, at " + ran.get(0));
    }

    private static Schedule clustered(String url, String instance) {
        return Schedule.clustered(new Cluster(url, TestPostgres.USER, TestPostgres.PASSWORD, instance, EVERY), 2);
    }

    /** Notes which instance ran the turn the trigger meant to fire at {@code turn}. */
    private static Consumer<Instant> record(Map<Instant, List<String>> runs, String instance) {
        return turn -> runs.computeIfAbsent(turn, t -> new CopyOnWriteArrayList<>()).add(instance);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
