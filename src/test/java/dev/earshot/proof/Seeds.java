package dev.earshot.proof;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** Seeds for the seeded program tests, and the line that replays a failed one. */
final class Seeds {
    private Seeds() {
    }

    /** What work a seeded run does; it may throw anything. */
    interface Run {
        void run() throws Exception;
    }

    /**
     * {@code -Dearshot.seed=N}: that seed alone; else {@code -Dearshot.seeds=K} seeds (default
     * {@code standard}) from {@code -Dearshot.seedBase} (default 1).
     */
    static Stream<Long> fromProperties(int standard) {
        Long one = Long.getLong("earshot.seed");
        if (one != null) {
            return Stream.of(one);
        }
        long base = Long.getLong("earshot.seedBase", 1);
        return LongStream.range(base, base + Integer.getInteger("earshot.seeds", standard)).boxed();
    }

    /** Runs {@code run}; a failure names the seed, how to replay it and where the child's log is. */
    static void replayable(long seed, String test, Path log, Run run) throws Exception {
        try {
            run.run();
        } catch (AssertionError | Exception e) {
            Path kept = Path.of("target", "proof-logs", test + "-seed-" + seed + ".log").toAbsolutePath();
            try {
                Files.createDirectories(kept.getParent());
                Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException copy) {
                e.addSuppressed(copy);
            }
            throw new AssertionError("seed " + seed + " failed; replay it with: mvn -o test -Dtest=" + test
                    + " -Dearshot.seed=" + seed + "\nthe child's whole log is kept in " + kept + "; its last lines:\n"
                    + Program.tail(log, 30) + "\n", e);
        }
    }
}
