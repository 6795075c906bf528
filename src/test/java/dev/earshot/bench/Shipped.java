package dev.earshot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The JVM as Earshot ships it: the options of {@code scripts/jvm.options} and glibc's
 * {@code MALLOC_ARENA_MAX=2}, as {@code scripts/demo} and the Docker image start the jar. Next to
 * {@code java -jar} with nothing set, so that the table shows what the options buy.
 */
final class Shipped {
    static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    private Shipped() {
    }

    /** The options file as a java launcher argument, {@code @/abs/scripts/jvm.options}. */
    static List<String> jvmOptions() {
        Path file = Path.of(System.getProperty("earshot.jvmOptions", "scripts/jvm.options")).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + file + "; run the benchmarks from the project folder");
        }
        return List.of("@" + file);
    }
}
