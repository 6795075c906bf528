package dev.earshot.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * This running instance, among several on one PostgreSQL (docs/OPERATIONS.md, "Several instances").
 *
 * @param name how this instance signs its leases and names itself in logs, {@code /healthz} and
 *     {@code /metrics}; unique per running process, or null for the default ({@link #nameFor})
 * @param lease how long a lease (a source, the Discord gateway, outbox rows) lasts unrenewed: a killed
 *     instance's work is taken over after at most this long. Default: 20 s
 */
public record InstanceConfig(String name, Duration lease) {
    static final Duration SHORTEST_LEASE = Duration.ofSeconds(2);
    static final Duration LONGEST_LEASE = Duration.ofMinutes(5);
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    public InstanceConfig {
        name = name == null || name.isBlank() ? null : name.strip();
        lease = lease == null ? Duration.ofSeconds(20) : lease;
    }

    public static InstanceConfig defaults() {
        return new InstanceConfig(null, null);
    }

    /**
     * The name set, or by default: on PostgreSQL the host name (a container's id in Docker) and this
     * process's id, unique among running instances; on SQLite, which one process uses, the host name
     * alone, so that a restarted Earshot takes its own leases back at once instead of waiting them out.
     */
    public String nameFor(StoreConfig store) {
        if (name != null) {
            return name;
        }
        String host = host();
        return store.type() == StoreConfig.Type.SQLITE ? host : host + "-" + ProcessHandle.current().pid();
    }

    private static String host() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "earshot";
            }
        }
        String clean = host.replaceAll("[^A-Za-z0-9._-]", "-");
        clean = clean.substring(0, Math.min(clean.length(), 40));
        return clean.isEmpty() || !Character.isLetterOrDigit(clean.charAt(0)) ? "earshot" : clean;
    }
}
