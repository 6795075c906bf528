package dev.earshot.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the team-wide jobs live when several instances share one PostgreSQL: Quartz's clustered
 * JDBC job store in the tables of migration V10 ({@code qrtz_*}), reached through a small pool of
 * its own ({@link JobDatabase}).
 *
 * @param url        the store's JDBC URL, {@code jdbc:postgresql://host:5432/earshot}
 * @param user       the store's role
 * @param password   that role's password (never printed: see {@link #toString()})
 * @param instanceId this instance's name among the others, or {@link #AUTO} (host name and start time)
 * @param checkIn    how often each instance tells the others it is alive; one that stayed silent for
 *                   this long plus Quartz's 7.5 s grace is taken as dead and its jobs taken over
 */
public record Cluster(String url, String user, String password, String instanceId, Duration checkIn) {
    public static final String AUTO = "AUTO";
    public static final Duration CHECK_IN = Duration.ofSeconds(5);

    public Cluster {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(instanceId, "instanceId");
        if (checkIn.isNegative() || checkIn.isZero()) {
            throw new IllegalArgumentException("checkIn must be positive: " + checkIn);
        }
    }

    /** Checks in every {@link #CHECK_IN}, named by Quartz ({@link #AUTO}). */
    public static Cluster of(String url, String user, String password) {
        return new Cluster(url, user, password, AUTO, CHECK_IN);
    }

    @Override
    public String toString() {
        return "Cluster[" + url.replaceFirst("[?;].*$", "") + ", user " + user + ", instance " + instanceId
                + ", check-in " + checkIn + "]";
    }
}
