package dev.earshot.bench;

import java.io.IOException;
import java.io.OutputStream;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up and stop of the real thing: {@code java -jar target/earshot.jar run --config ...} as a
 * child process with the demo source, the shell chat and the ops endpoint, on a fresh data folder.
 * Measures the time from launch to the first {@code /healthz} 200, the resident memory then
 * (VmRSS), and the time from SIGTERM to exit (the graceful-stop promise: within 10 s). Plain
 * {@code java -jar} with and without an AppCDS archive of the jar ({@link AppCds}), with
 * {@code -Xmx128m}, and as shipped ({@link Shipped}) with the archive, taking turns.
 */
public final class StartupBench {
    private static final Duration READY_DEADLINE = Duration.ofSeconds(60);
    private static final Duration STOP_PROMISE = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 10;

    private StartupBench() {
    }

    record Run(double readyMillis, double cpuMillis, double rssMiB, double peakRssMiB, double stopMillis,
               int exitCode) {
    }

    /** One way of starting the jar: its JVM options, its environment and its name in the table. */
    record Variant(String label, List<String> jvmOptions, Map<String, String> environment) {
        Variant(String label, List<String> jvmOptions) {
            this(label, jvmOptions, Map.of());
        }

        /** As scripts/demo and the Docker image start it ({@link Shipped}), plus {@code more}. */
        static Variant shipped(String label, List<String> more) {
            List<String> options = new ArrayList<>(Shipped.jvmOptions());
            options.addAll(more);
            return new Variant(label, options, Shipped.ENVIRONMENT);
        }
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        int runs = quick ? 1 : 3;
        Path jar = Path.of(System.getProperty("earshot.jar", "target/earshot.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            System.err.println("startup: no " + jar + "; build it first: mvn -q -B -DskipTests package");
            System.exit(2);
        }
        try (Scratch cds = new Scratch("appcds")) {
            Path archive = AppCds.train(jar, cds.dir());
            String shared = "-XX:SharedArchiveFile=" + archive;
            List<Variant> variants = List.of(new Variant("java -jar, nothing set", List.of()),
                    new Variant("java -jar, AppCDS", List.of(shared)),
                    new Variant("-Xmx128m", List.of("-Xmx128m")),
                    Variant.shipped("as shipped (scripts/jvm.options), AppCDS", List.of(shared)));
            // Taking turns, run by run: a machine whose load drifts moves every variant alike.
            Map<Variant, List<Run>> results = new LinkedHashMap<>();
            for (int i = 0; i < runs; i++) {
                for (Variant v : variants) {
                    System.err.printf("startup: %s, run %d of %d ...%n", v.label(), i + 1, runs);
                    results.computeIfAbsent(v, x -> new ArrayList<>()).add(once(jar, v));
                }
            }
            BenchTable table = new BenchTable("startup");
            table.row("AppCDS archive (one training start of `earshot demo`)", Files.size(archive) / 1_048_576.0,
                    "MiB", "-XX:ArchiveClassesAtExit; what scripts/demo and the Docker image build");
            results.forEach((v, r) -> report(table, v.label(), r));
        }
    }

    private static void report(BenchTable table, String label, List<Run> results) {
        int runs = results.size();
        String of = runs == 1 ? "1 run" : "median of " + runs + " runs";
        double[] ready = results.stream().mapToDouble(Run::readyMillis).toArray();
        double[] cpu = results.stream().mapToDouble(Run::cpuMillis).toArray();
        double[] rss = results.stream().mapToDouble(Run::rssMiB).toArray();
        double[] stop = results.stream().mapToDouble(Run::stopMillis).toArray();
        table.row("time to ready (first /healthz 200), " + label, median(ready), "ms",
                of + range(ready) + "; fresh data folder: schema migration, first poll and drain included");
        table.row("CPU time to ready (user + system), " + label, median(cpu), "ms",
                of + range(cpu) + "; all threads; what a busy machine's wall clock hides");
        table.row("resident memory at ready (VmRSS), " + label, median(rss), "MiB",
                of + range(rss) + String.format("; peak VmHWM %.0f MiB", results.stream()
                        .mapToDouble(Run::peakRssMiB).max().orElse(Double.NaN)));
        table.row("stop after SIGTERM, " + label, median(stop), "ms",
                of + range(stop) + "; promise ≤ 10,000 ms; exit codes "
                        + results.stream().map(r -> Integer.toString(r.exitCode())).distinct().toList());
    }

    private static Run once(Path jar, Variant variant) throws Exception {
        try (Scratch scratch = new Scratch("startup")) {
            int port = freePort();
            Path config = scratch.file("earshot.yml");
            Files.writeString(config, config(scratch.file("earshot.db"), port));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(variant.jvmOptions());
            command.addAll(List.of("-jar", jar.toString(), "run", "--config", config.toString()));
            Path log = scratch.file("earshot.log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(scratch.file("chat.out").toFile())
                    .redirectError(log.toFile());
            builder.environment().putAll(variant.environment());
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(250)).build();

            long launched = System.nanoTime();
            Process process = builder.start();
            // The shell chat reads standard input until it ends: keep the pipe open, write nothing.
            OutputStream quietTerminal = process.getOutputStream();
            try {
                double ready = awaitHealthy(http, port, process, launched, log);
                double cpu = process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
                double[] rss = residentMiB(process.pid());
                long signalled = System.nanoTime();
                process.destroy();
                if (!process.waitFor(STOP_PROMISE.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    System.err.println("startup: still running 15 s after SIGTERM; killed");
                }
                double stop = millisSince(signalled);
                return new Run(ready, cpu, rss[0], rss[1], stop, process.waitFor());
            } finally {
                if (process.isAlive()) {
                    process.destroyForcibly().waitFor();
                }
                quietTerminal.close();
            }
        }
    }

    /** Milliseconds from launch to the first 200; polls every 10 ms, waiting on the child itself. */
    static double awaitHealthy(HttpClient http, int port, Process process, long launched, Path log)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                .timeout(Duration.ofSeconds(1)).build();
        long deadline = launched + READY_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return millisSince(launched);
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // listening but not answering yet: the request's own timeout bounded the wait
            }
            // The wait between polls doubles as the check that the child is still alive.
            if (process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("earshot exited with " + process.exitValue()
                        + " before it was ready:\n" + tail(log));
            }
        }
        throw new IllegalStateException("no /healthz 200 within " + READY_DEADLINE.toSeconds() + " s:\n" + tail(log));
    }

    /** VmRSS and VmHWM in MiB, from Linux's /proc; NaN elsewhere. */
    static double[] residentMiB(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        double[] out = {Double.NaN, Double.NaN};
        if (!Files.isReadable(status)) {
            return out;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                out[0] = kibibytes(line) / 1024.0;
            } else if (line.startsWith("VmHWM:")) {
                out[1] = kibibytes(line) / 1024.0;
            }
        }
        return out;
    }

    private static long kibibytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    /** The ops endpoint's {@code port: 0} means off, so find a free one: bind, read, let go. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String config(Path db, int port) {
        return """
                team:
                  members:
                    - name: alice
                      admin: true
                    - name: bob
                store:
                  path: '%s'
                chat:
                  shell:
                    channel: support
                sources:
                  - type: demo
                    name: demo
                ops:
                  port: %d
                  bind: 127.0.0.1
                """.formatted(db.toString().replace("'", "''"), port);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String range(double[] values) {
        if (values.length < 2) {
            return "";
        }
        return String.format(" (%s–%s)", BenchTable.number(Arrays.stream(values).min().orElseThrow()),
                BenchTable.number(Arrays.stream(values).max().orElseThrow()));
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
