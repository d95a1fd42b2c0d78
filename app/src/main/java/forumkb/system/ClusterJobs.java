package forumkb.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Jobs that must run on one node at a time when several nodes share the database (feed
 * polling, the known-issue matcher, digest sending, first-start seeding). Each job name
 * is a PostgreSQL session-level advisory lock, held on a connection of its own for the
 * whole run: released when the run ends, and by PostgreSQL itself when the node dies or
 * its connection is lost. Two threads of one node exclude each other too (each run has
 * its own session). The jobs' writes stay idempotent as well, because a lost connection
 * frees the lock while the run it guarded may still be finishing.
 */
@Component
public class ClusterJobs {

	/**
	 * The job of filling an empty database on first start (the first admin, the demo),
	 * step by step.
	 */
	public static final String FIRST_START = "first-start";

	/**
	 * "fkb" as the advisory lock's first key, so the job names' hashes share no key with
	 * other users of locks.
	 */
	private static final int NAMESPACE = 0x666b62;

	private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

	private final DataSource dataSource;

	public ClusterJobs(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Runs the task unless the job is running on some node; empty when it is (the task
	 * did not run).
	 */
	public <T> Optional<T> runOnce(String job, Supplier<T> task) {
		return run(job, "select pg_try_advisory_lock(?, ?)", task);
	}

	/**
	 * {@link #runOnce(String, Supplier)} for a task with no result; false when another
	 * node had the job.
	 */
	public boolean runOnce(String job, Runnable task) {
		return runOnce(job, () -> {
			task.run();
			return true;
		}).isPresent();
	}

	/**
	 * Runs the task once the job is free, waiting while another node runs it: for work
	 * every node does at start that must not overlap, such as filling an empty database,
	 * where the later node then finds the work done.
	 */
	public void runAfterOthers(String job, Runnable task) {
		run(job, "select true from pg_advisory_lock(?, ?)", () -> {
			task.run();
			return true;
		});
	}

	private <T> Optional<T> run(String job, String lockSql, Supplier<T> task) {
		try (Connection connection = dataSource.getConnection()) {
			// No transaction stays open while the lock is held: a long run would
			// otherwise hold back
			// every reader that waits for the oldest open transaction (the change feed's
			// followers).
			connection.setAutoCommit(true);
			if (!call(connection, lockSql, job)) {
				return Optional.empty();
			}
			try {
				return Optional.of(task.get());
			}
			finally {
				unlock(connection, job);
			}
		}
		catch (SQLException e) {
			throw new DataAccessResourceFailureException("cluster job " + job, e);
		}
	}

	/**
	 * A lost connection has already dropped the lock with its session; that must not fail
	 * the finished run.
	 */
	private static void unlock(Connection connection, String job) {
		try {
			call(connection, "select pg_advisory_unlock(?, ?)", job);
		}
		catch (SQLException e) {
			log.warn("Cluster job {}: its lock's connection was lost before the run ended ({})", job, e.getMessage());
		}
	}

	private static boolean call(Connection connection, String sql, String job) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setInt(1, NAMESPACE);
			statement.setInt(2, job.hashCode());
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

}
