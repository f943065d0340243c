package io.github.camelokki.okki.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A {@link StateRepository} in a relational table, so that several nodes (and restarts) share the consumers'
 * watermarks. Camel offers JDBC repositories for idempotency keys but none for state; this one uses plain SELECT,
 * UPDATE and INSERT statements that every SQL database accepts. Each write is its own transaction, committed here
 * when the data source hands out connections without auto-commit.
 * <p>
 * Fencing: {@link #advanceState} is a compare-and-set in the database ({@code UPDATE ... WHERE STATE_VALUE < ?}, an
 * INSERT only for a key not stored yet), so a node that lost leadership but still polls cannot put back an older
 * watermark, and concurrent writers end at the greatest value. The comparison is on the text, which needs no
 * column beyond the two of earlier versions: a table they created keeps working as it is. Watermarks sort correctly as
 * text in any collation: they are fixed-width {@code yyyy-MM-dd HH:mm:ss}, separators at the same places, so only their
 * digits can differ. {@link #setState} stays an unconditional write (the {@link StateRepository} contract), for
 * whoever resets a watermark on purpose.
 * <p>
 * Table (created at start unless {@code createTable} is false):
 * {@code CREATE TABLE IF NOT EXISTS OKKI_STATE (STATE_KEY VARCHAR(500) PRIMARY KEY, STATE_VALUE VARCHAR(500))}. H2,
 * PostgreSQL, MySQL, MariaDB and Oracle 23ai accept that; on a database that does not, create the table beforehand
 * and set {@code createTable} to false.
 */
public class JdbcStateRepository extends ServiceSupport implements MonotonicStateRepository {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private final DataSource dataSource;
    private final String table;
    private boolean createTable = true;

    public JdbcStateRepository(DataSource dataSource) {
        this(dataSource, "OKKI_STATE");
    }

    public JdbcStateRepository(DataSource dataSource, String table) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        this.dataSource = dataSource;
        this.table = table;
    }

    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    @Override
    protected void doStart() throws Exception {
        if (createTable) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                transaction(c, () -> s.executeUpdate("CREATE TABLE IF NOT EXISTS " + table
                        + " (STATE_KEY VARCHAR(500) PRIMARY KEY, STATE_VALUE VARCHAR(500))"));
            }
        }
    }

    @Override
    public String getState(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT STATE_VALUE FROM " + table + " WHERE STATE_KEY = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot read state " + key + " from " + table, e);
        }
    }

    @Override
    public void setState(String key, String value) {
        store(key, value, false);
    }

    @Override
    public boolean advanceState(String key, String value) {
        return store(key, value, true);
    }

    /**
     * Updates the key's row, or inserts it when there is none; forward only: the update changes only a smaller (or
     * NULL) value. True when the value was stored.
     */
    private boolean store(String key, String value, boolean forwardOnly) {
        try (Connection c = dataSource.getConnection()) {
            if (transaction(c, () -> update(c, key, value, forwardOnly)) > 0) {
                return true;
            }
            if (forwardOnly && transaction(c, () -> count(c, key)) > 0) {
                return false; // the stored value is at or after ours
            }
            try {
                transaction(c, () -> insert(c, key, value));
                return true;
            } catch (SQLException raced) {
                // another node inserted the key between our update and insert: update its row instead
                if (transaction(c, () -> update(c, key, value, forwardOnly)) > 0) {
                    return true;
                }
                if (forwardOnly && transaction(c, () -> count(c, key)) > 0) {
                    return false; // and what it inserted is at or after ours
                }
                throw raced;
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot store state " + key + " in " + table, e);
        }
    }

    /**
     * Runs one statement as a transaction of its own. Without auto-commit it is committed here, or rolled back when it
     * fails: PostgreSQL refuses every further statement in a transaction that had an error.
     */
    private static int transaction(Connection c, SqlWork work) throws SQLException {
        if (c.getAutoCommit()) {
            return work.run();
        }
        try {
            int rows = work.run();
            c.commit();
            return rows;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /** One SQL statement, returning the rows it changed. */
    @FunctionalInterface
    private interface SqlWork {
        int run() throws SQLException;
    }

    private int update(Connection c, String key, String value, boolean forwardOnly) throws SQLException {
        String sql = "UPDATE " + table + " SET STATE_VALUE = ? WHERE STATE_KEY = ?"
                + (forwardOnly ? " AND (STATE_VALUE IS NULL OR STATE_VALUE < ?)" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            ps.setString(2, key);
            if (forwardOnly) {
                ps.setString(3, value);
            }
            return ps.executeUpdate();
        }
    }

    /** How many rows the key has (0 or 1); run as a transaction so that no read stays open on the connection. */
    private int count(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE STATE_KEY = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private int insert(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (STATE_KEY, STATE_VALUE) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            return ps.executeUpdate();
        }
    }
}
