package dev.earshot.store;

import dev.earshot.port.Store;

/** The lease contract on one PostgreSQL database, the writers spread over three stores as over three instances. */
class PostgresLeaseTest extends LeaseContract {
    private String url;

    @Override
    protected Store openStore() {
        if (url == null) {
            url = TestPostgres.migratedDatabase();
        }
        return PostgresStore.open(url, TestPostgres.USER, TestPostgres.PASSWORD);
    }

    @Override
    protected int instances() {
        return 3;
    }
}
