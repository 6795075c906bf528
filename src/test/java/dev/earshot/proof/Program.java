package dev.earshot.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Earshot as an operator runs it: {@code java -cp … dev.earshot.Main run --config <file>} in a child
 * JVM (the composition root, nothing wired by the test), its standard output and error appended to
 * one log file across restarts. The test talks to it only through the platform fakes and the ops
 * endpoint, so it holds whatever the inside of the program looks like.
 */
final class Program implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** For children that live seconds: start fast rather than run fast (the C1 compiler only). */
    static final List<String> SHORT_LIVED = List.of("-XX:TieredStopAtLevel=1");

    private final Process process;
    private final int opsPort;
    private final long launchedNanos = System.nanoTime();

    private Program(Process process, int opsPort) {
        this.process = process;
        this.opsPort = opsPort;
    }

    /**
     * Starts the program with {@code config} (which must set {@code ops.port} to {@code opsPort}),
     * the given JVM options and environment, logging to {@code log}.
     */
    static Program start(Path config, int opsPort, List<String> jvmOptions, Map<String, String> env, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.earshot.Main", "run",
                "--config", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(env);
        try {
            return new Program(builder.start(), opsPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port free now, for {@code ops.port} ({@code 0} there means off). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the first {@code /healthz} 200; returns the time since launch. */
    Duration awaitReady(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Earshot exited with " + process.exitValue() + " before it was ready");
            }
            if (status("/healthz") == 200) {
                return Duration.ofNanos(System.nanoTime() - launchedNanos);
            }
            process.waitFor(20, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("Earshot was not ready within " + atMost);
    }

    /** SIGKILL, as the kernel's OOM killer or a pulled plug would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as {@code docker stop} sends; returns how long it took to exit, or null if it did not within {@code atMost}. */
    Duration stop(Duration atMost) throws InterruptedException {
        long t = System.nanoTime();
        process.destroy();
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            return null;
        }
        return Duration.ofNanos(System.nanoTime() - t);
    }

    int exitCode() {
        return process.exitValue();
    }

    /** The body of {@code GET path} on the ops endpoint, or null when it does not answer. */
    String get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return r.body();
        } catch (ConnectException e) {
            return null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** One figure from {@code /metrics} (the first series of that name), or NaN when it cannot be read. */
    double metric(String name) {
        return metric(name, "");
    }

    /** The first series of {@code name} whose labels contain {@code label} (like {@code area="heap"}), or NaN. */
    double metric(String name, String label) {
        String body = get("/metrics");
        if (body == null) {
            return Double.NaN;
        }
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.Ee+-]+)$").matcher(body);
        while (m.find()) {
            if (label.isEmpty() || (m.group(1) != null && m.group(1).contains(label))) {
                return Double.parseDouble(m.group(2));
            }
        }
        return Double.NaN;
    }

    /**
     * Heap in use after a full collection, in bytes: {@code jcmd GC.run} (what an operator would
     * type), then the JVM's own figure from {@code /metrics}.
     */
    double heapAfterGc() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), "GC.run").redirectErrorStream(true).start();
        jcmd.getInputStream().readAllBytes();
        if (jcmd.waitFor() != 0) {
            throw new AssertionError("jcmd GC.run failed on " + process.pid());
        }
        return metric("jvm_memory_used_bytes", "area=\"heap\"");
    }

    /** Resident memory of the child (VmRSS), in MiB, from /proc on Linux. */
    double rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + opsPort + path);
    }

    /** The last lines of the log, for a failure message. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
