package forumkb.system;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * The two JDBC chores every store here repeats: an {@code = any(?)} array, a nullable
 * timestamp.
 */
public final class Sql {

	private Sql() {
	}

	/**
	 * A statement whose only parameter is a PostgreSQL array, for
	 * {@code where x = any(?)}.
	 */
	public static PreparedStatementCreator withArray(String sql, String elementType, Object[] values) {
		return connection -> {
			PreparedStatement statement = connection.prepareStatement(sql);
			statement.setArray(1, connection.createArrayOf(elementType, values));
			return statement;
		};
	}

	public static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
