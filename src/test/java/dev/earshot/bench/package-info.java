/**
 * Benchmarks, run by {@code scripts/bench} (see docs/BENCHMARKS.md). Each is a class
 * {@code <Name>Bench} with a {@code main(String[])} that takes {@code --quick} for smaller sizes and
 * prints its results through {@link dev.earshot.bench.BenchTable}; progress goes to standard error.
 * They are not tests: Surefire runs {@code *Test}, {@code *Tests} and {@code *Properties} only.
 * May import anything in main and the test helpers under {@code dev.earshot.testing}.
 */
package dev.earshot.bench;
