package dev.earshot.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Prints result rows as Markdown table lines on standard output, one at a time and flushed, so
 * the rows of a bench that dies half-way are not lost. Standard output carries rows only:
 * {@code scripts/bench} collects every bench's rows under one header. Progress and diagnostics go
 * to standard error.
 */
public final class BenchTable {
    public static final String HEADER = "| benchmark | measure | value | unit | note |\n"
            + "|---|---|---:|---|---|";

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private final String benchmark;

    public BenchTable(String benchmark) {
        this.benchmark = benchmark;
    }

    public void row(String measure, double value, String unit, String note) {
        OUT.println("| " + cell(benchmark) + " | " + cell(measure) + " | " + number(value) + " | "
                + cell(unit) + " | " + cell(note) + " |");
    }

    /** Whole numbers get thousands separators; small ones keep the digits that still mean something. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A pipe would end the cell and a line break the row. */
    static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    /** Prints the header, so that {@code scripts/bench} and the rows share one definition. */
    public static void main(String[] args) {
        OUT.println(HEADER);
    }
}
