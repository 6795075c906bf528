package dev.earshot.bench;

import dev.earshot.core.Message;
import dev.earshot.testing.Harness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Claim latency: {@code claim N} typed by a teammate, through the command parser and
 * {@code CommandHandler} as every chat sends it (read, rule, conditional write, audit line, outbox
 * row, commit), on a store that holds many conversations. A second round claims the same ones as
 * someone else: the refusal path, which rolls back. The same on SQLite, then on PostgreSQL
 * ({@link BenchPostgres}), in the same run.
 */
public final class ClaimBench {
    private static final int CLAIMS = 1_000;
    private static final int WARM_UP = 300;
    /** Building the store is set-up, not the subject: big fetches make few commits. */
    private static final int BULK_FETCH = 1_000;
    private static final List<String> MEMBERS = List.of("alice", "bob", "carol");

    private ClaimBench() {
    }

    public static void main(String[] args) throws IOException {
        boolean quick = Arrays.asList(args).contains("--quick");
        int conversations = quick ? 10_000 : 100_000;
        BenchTable table = new BenchTable("claim");

        List<Traffic.Batch> batches = Traffic.batches(openings(conversations), BULK_FETCH);
        try (Scratch scratch = new Scratch("claim"); Harness h = new Harness(scratch.dir())) {
            measure(table, "", h, batches, conversations, () -> fileSize(h));
        }
        try (BenchPostgres postgres = new BenchPostgres(); Scratch scratch = new Scratch("claim-pg")) {
            String url = postgres.database();
            try (Harness h = new Harness(scratch.dir(), () -> BenchPostgres.open(url))) {
                measure(table, " on PostgreSQL", h, batches, conversations, () -> BenchPostgres.size(url));
            }
        }
    }

    /** Builds the store through {@code h}, then times the claims; {@code where} ends each measure's name. */
    private static void measure(BenchTable table, String where, Harness h, List<Traffic.Batch> batches,
                                int conversations, LongSupplier bytes) {
        String store = String.format("%,d conversations", conversations);
        System.err.printf("claim: building a store of %s%s ...%n", store, where);
        long start = System.nanoTime();
        int opened = 0;
        for (Traffic.Batch b : batches) {
            opened += h.ingest.ingest(b.source(), b.fetch()).opened();
        }
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        if (opened != conversations) {
            throw new IllegalStateException("opened " + opened + " conversations, not " + conversations);
        }
        table.row("store set-up: bulk ingest" + where + ", " + store, conversations / buildSeconds, "msg/s",
                String.format("fetches of %,d; database %,d MiB", BULK_FETCH, bytes.getAsLong() >> 20));

        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= conversations; id++) {
            ids.add(id);
        }
        Collections.shuffle(ids, new Random(3));
        List<Long> warm = ids.subList(0, WARM_UP);
        List<Long> measured = ids.subList(WARM_UP, WARM_UP + CLAIMS);

        claims(h, warm, 0, "You claimed");
        Samples won = claims(h, measured, 0, "You claimed");
        Samples refused = claims(h, measured, 1, "is already claimed by");
        String note = String.format("%,d commands on %s, random ids, through CommandHandler.answer", CLAIMS, store)
                + (where.isEmpty() ? "" : "; " + BenchPostgres.NOTE);
        table.row("claim p50" + where + ", " + store, won.percentileMillis(50), "ms", note);
        table.row("claim p99" + where + ", " + store, won.percentileMillis(99), "ms",
                String.format("max %.2f ms, mean %.2f ms", won.maxMillis(), won.meanMillis()));
        table.row("claim refused (already claimed) p50" + where, refused.percentileMillis(50), "ms",
                "the loser's answer: rule refuses, transaction rolls back");
        table.row("claim refused (already claimed) p99" + where, refused.percentileMillis(99), "ms",
                String.format("max %.2f ms", refused.maxMillis()));
    }

    private static long fileSize(Harness h) {
        try {
            return Files.size(h.db);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Messages that each open a conversation: a customer's second DM would join their first. */
    private static List<Message> openings(int count) {
        Set<String> threads = new HashSet<>();
        List<Message> openings = Traffic.messages(11, count + count / 4, 0).stream()
                .filter(m -> threads.add(m.account() + " " + m.author().handle() + " " + m.threadKey()))
                .limit(count).toList();
        if (openings.size() != count) {
            throw new IllegalStateException("only " + openings.size() + " openings for " + count);
        }
        return openings;
    }

    /** Each id claimed once, by the member {@code shift} places after the one its position picks. */
    private static Samples claims(Harness h, List<Long> ids, int shift, String expected) {
        Samples samples = new Samples();
        for (int i = 0; i < ids.size(); i++) {
            String member = MEMBERS.get((i + shift) % MEMBERS.size());
            String line = "claim " + ids.get(i);
            long start = System.nanoTime();
            String answer = h.as(member, line);
            samples.add(System.nanoTime() - start);
            if (!answer.contains(expected)) {
                throw new IllegalStateException("@" + member + " typed \"" + line + "\" and was told: " + answer);
            }
        }
        return samples;
    }
}
