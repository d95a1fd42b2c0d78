package forumkb.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which runs are still going on, on any node or command line: each holds a PostgreSQL
 * advisory lock on its id, on a connection of its own, while it runs. A process that dies
 * loses its connection and so its locks; its runs, still 'running' in the table, are
 * marked interrupted whenever the application starts serving (at start, and after the
 * embedded database was restarted), with the counts they had recorded.
 */
@Component
class RunningRuns {

	private static final Logger log = LoggerFactory.getLogger(RunningRuns.class);

	/**
	 * "ingest" as a number: the first key of a run's advisory lock (the second is its
	 * id).
	 */
	private static final int LOCK_CLASS = 0x696e6773;

	private static final String MARK_INTERRUPTED = """
			update ingest_run r set status = ?, finished_at = now(), total = greatest(total, processed),
			    message = format('interrupted: the process running it stopped; by then %s items were recorded '
			        || '(%s created, %s updated, %s unchanged, %s failed)', processed, created, updated, unchanged, failed)
			where status = ? and not exists (select 1 from pg_locks l where l.locktype = 'advisory'
			    and l.objsubid = 2 and l.classid = ?::oid and l.objid = r.id::oid)""";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	RunningRuns(DataSource dataSource, JdbcTemplate jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	/** Marks the run as going on until the returned lease is closed. */
	Lease hold(IngestRun run) {
		try {
			Connection connection = dataSource.getConnection();
			try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?, ?)")) {
				lock.setInt(1, LOCK_CLASS);
				lock.setInt(2, Math.toIntExact(run.getId()));
				lock.execute();
				return new Lease(connection);
			}
			catch (SQLException | RuntimeException e) {
				connection.close();
				throw e;
			}
		}
		catch (SQLException e) {
			throw new DataAccessResourceFailureException("could not mark ingest run " + run.getId() + " running", e);
		}
	}

	@EventListener
	void markInterrupted(AvailabilityChangeEvent<ReadinessState> event) {
		if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC) {
			return;
		}
		try {
			int interrupted = jdbc.update(MARK_INTERRUPTED, IngestRun.INTERRUPTED, IngestRun.RUNNING, LOCK_CLASS);
			if (interrupted > 0) {
				log.warn("Marked {} ingest run(s) interrupted: the process running them had stopped", interrupted);
			}
		}
		catch (DataAccessException e) {
			log.warn("Could not look for interrupted ingest runs: {}", e.getMessage());
		}
	}

	/**
	 * Releases the lock and gives the connection back to the pool (which keeps its
	 * session open).
	 */
	record Lease(Connection connection) implements AutoCloseable {
		@Override
		public void close() {
			try (connection;
					PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock_all()")) {
				unlock.execute();
			}
			catch (SQLException e) {
				log.warn("Could not release an ingest run's lock: {}", e.getMessage());
			}
		}
	}

}
