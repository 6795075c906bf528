package dev.earshot.schedule;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.quartz.utils.ConnectionProvider;

/**
 * Quartz's connections to the clustered job store: a small HikariCP pool of its own, apart from the
 * store's. The store's pool runs SERIALIZABLE and is sized for the use cases; Quartz wants READ
 * COMMITTED (it serialises itself with {@code SELECT ... FOR UPDATE} on {@code qrtz_locks}) and must
 * not take connections from the use cases. Quartz closes it when its scheduler shuts down.
 */
final class JobDatabase implements ConnectionProvider {
    /** Quartz's rule of thumb: its worker threads plus three (the scheduler, misfires, check-ins). */
    private static final int SPARE_CONNECTIONS = 3;

    private final HikariDataSource pool;

    JobDatabase(Cluster cluster, int threads) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("earshot-jobs");
        config.setJdbcUrl(cluster.url());
        config.setUsername(cluster.user());
        config.setPassword(cluster.password());
        config.setMaximumPoolSize(threads + SPARE_CONNECTIONS);
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setConnectionTimeout(10_000);
        config.addDataSourceProperty("ApplicationName", "earshot-jobs");
        config.addDataSourceProperty("connectTimeout", "10");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        this.pool = new HikariDataSource(config);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void shutdown() {
        pool.close();
    }

    @Override
    public void initialize() {
        // the pool opened in the constructor
    }
}
