package dev.earshot.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.earshot.core.Member;
import dev.earshot.testing.Harness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Promise 15: two hundred teammates press Claim at once; exactly one wins, every time. */
class ClaimRaceTest {
    private static final int THREADS = 200;
    private static final int ROUNDS = 5;

    @Test
    void exactlyOneWinnerEveryRound(@TempDir Path dir) throws Exception {
        try (Harness h = new Harness(dir)) {
            h.poller().pollOnce();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                for (int round = 1; round <= ROUNDS; round++) {
                    long id = round % 4 + 1;
                    h.store.write(tx -> {
                        var c = tx.conversation(id).orElseThrow();
                        return c.owner() == null || tx.update(c.release("carol", true));
                    });
                    List<String> answers = race(h, pool, id);
                    long winners = answers.stream().filter(a -> a.equals("You claimed #" + id + ".")).count();
                    String owner = h.queries.show(id).conversation().owner();
                    long losers = answers.stream().filter(a -> a.equals("#" + id + " is already claimed by @" + owner)).count();
                    assertEquals(1, winners, "round " + round + ": " + answers);
                    assertEquals(THREADS - 1, losers, "round " + round);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static List<String> race(Harness h, ExecutorService pool, long id) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Member member = new Member("member" + i, Map.of(), false);
            futures.add(pool.submit(() -> {
                start.await();
                answers.add(h.commands.answer(Caller.member(member), new Command.Claim(id)).text());
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                answers.add(e.getCause().getMessage());
            }
        }
        return new ArrayList<>(answers);
    }
}
