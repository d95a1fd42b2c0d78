package forumkb.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells a database that cannot be reached from a failure of what was asked of it. */
public final class DatabaseFailures {

	private DatabaseFailures() {
	}

	/**
	 * Whether a failure came from not reaching the database (rather than from what was
	 * asked of it).
	 */
	public static boolean unreachable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || lostConnection(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The driver's own word for a lost server: SQLSTATE class 08 (connection) or
	 * 57P01-57P03 (shut down).
	 */
	private static boolean lostConnection(Throwable cause) {
		return cause instanceof SQLException sql && sql.getSQLState() != null
				&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"));
	}

}
