package forumkb.digest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * One digest run at a time across all nodes: a PostgreSQL session-level advisory lock, held
 * on a connection of its own for the whole run. If the node dies, its connection closes
 * and PostgreSQL releases the lock. It saves double work; the delivery claims alone already
 * keep two runs from sending the same digest.
 */
@Component
class DigestLock {

    /** "forumkb digest" as a number; any constant no other feature uses. */
    static final long KEY = 0x666b_6264_6967_6573L;

    private final DataSource dataSource;

    DigestLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the work if no other node is running it; empty when one is. */
    <T> Optional<T> ifFree(Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, "select pg_try_advisory_lock(?)")) {
                return Optional.empty();
            }
            try {
                return Optional.of(work.get());
            } finally {
                call(connection, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("digest lock", e);
        }
    }

    private static boolean call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
