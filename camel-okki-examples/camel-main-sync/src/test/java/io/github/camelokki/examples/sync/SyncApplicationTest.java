package io.github.camelokki.examples.sync;

import java.util.Properties;

/**
 * The sync application on its default database, H2 in memory.
 */
class SyncApplicationTest extends SyncApplicationTestSupport {

    @Override
    protected Properties database() {
        Properties db = new Properties();
        db.setProperty("okki.db.url", "jdbc:h2:mem:okki-sync-test;DB_CLOSE_DELAY=-1");
        return db;
    }

    @Override
    protected String expectedDatabaseProduct() {
        return "H2 2";
    }
}
