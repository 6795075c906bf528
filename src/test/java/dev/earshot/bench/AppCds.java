package dev.earshot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An application class data sharing archive of the jar, made the way {@code scripts/demo} and the
 * Dockerfile make theirs: one training start of {@code earshot demo} on a throw-away folder, its
 * standard input closed so it stops at once, with {@code -XX:ArchiveClassesAtExit}. A start with
 * {@code -XX:SharedArchiveFile} then maps the classes instead of finding, reading and verifying them.
 */
final class AppCds {
    private AppCds() {
    }

    /** Trains and returns the archive, in {@code dir}. */
    static Path train(Path jar, Path dir) throws IOException, InterruptedException {
        Path archive = dir.resolve("earshot.jsa");
        System.err.println("startup: training an AppCDS archive ...");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-jar", jar.toString(), "demo", "--data", dir.resolve("data").toString()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(dir.resolve("training.log").toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.isRegularFile(archive)) {
            p.destroyForcibly();
            throw new IllegalStateException("the AppCDS training start failed; see " + dir.resolve("training.log"));
        }
        return archive;
    }
}
