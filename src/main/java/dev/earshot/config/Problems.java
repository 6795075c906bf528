package dev.earshot.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects {@code path: sentence} problems so that a user sees all of them at once. One problem
 * per spot: once a path is reported, later problems at or below it are dropped, because they
 * are echoes of the first (a removed wrong value later reads as "must be set").
 */
final class Problems {
    private final List<String> paths = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();

    void add(String path, String sentence) {
        if (covered(path)) {
            return;
        }
        paths.add(path);
        lines.add(path + ": " + sentence);
    }

    boolean covered(String path) {
        return paths.stream().anyMatch(p -> path.equals(p)
                || path.startsWith(p + ".") || path.startsWith(p + "["));
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** {@code base} joined with a key: {@code sources[1]} + {@code instance}. */
    static String at(String base, String key) {
        return base.isEmpty() ? key : base + "." + key;
    }

    static String at(String base, int index) {
        return base + "[" + index + "]";
    }

    // The checks every section shares.

    void port(String path, int port) {
        if (port < 0 || port > 65535) {
            add(path, "must be a port from 0 to 65535");
        }
    }

    void require(String path, Object value) {
        if (missing(value)) {
            add(path, "must be set");
        }
    }

    void requireFor(String path, Object value, String mode) {
        if (missing(value)) {
            add(path, "must be set in " + mode + " mode");
        }
    }

    void unique(Map<String, String> seen, String key, String path) {
        String first = seen.putIfAbsent(key, path);
        if (first != null) {
            add(path, "already used by " + first);
        }
    }

    static boolean missing(Object value) {
        return value == null
                || value instanceof String s && s.isBlank()
                || value instanceof Secret secret && secret.isEmpty();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
