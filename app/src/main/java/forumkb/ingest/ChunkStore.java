package forumkb.ingest;

import forumkb.thread.StoreOutcome;
import forumkb.thread.ThreadStore;
import java.sql.PreparedStatement;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stores a chunk of a run's threads through the thread package, which owns them, and
 * records which threads the run created or updated. Both happen in the caller's
 * transaction, so a run never lists a thread that did not land.
 */
@Repository
class ChunkStore {

	private final ThreadStore threads;

	private final JdbcTemplate jdbc;

	ChunkStore(ThreadStore threads, JdbcTemplate jdbc) {
		this.threads = threads;
		this.jdbc = jdbc;
	}

	/**
	 * Stores a chunk whose keys are distinct for the run; returns one outcome per thread,
	 * in order.
	 */
	List<StoreOutcome> save(long runId, List<PreparedThread> chunk) {
		List<ThreadStore.Saved> saved = threads.save(chunk.stream().map(PreparedThread::write).toList());
		recordRunThreads(runId, "created", idsWith(saved, StoreOutcome.CREATED));
		recordRunThreads(runId, "updated", idsWith(saved, StoreOutcome.UPDATED));
		return saved.stream().map(ThreadStore.Saved::outcome).toList();
	}

	/** A cached source id may name a row that a rolled-back transaction created. */
	void forgetSources() {
		threads.forgetSources();
	}

	private static List<Long> idsWith(List<ThreadStore.Saved> saved, StoreOutcome outcome) {
		return saved.stream().filter(thread -> thread.outcome() == outcome).map(ThreadStore.Saved::threadId).toList();
	}

	/**
	 * A thread the run already created and then saw again stays "created".
	 */
	private void recordRunThreads(long runId, String outcome, List<Long> threadIds) {
		if (threadIds.isEmpty()) {
			return;
		}
		jdbc.update(connection -> {
			PreparedStatement insert = connection.prepareStatement("""
					insert into ingest_run_thread (run_id, thread_id, outcome) select ?, unnest(?), ?
					on conflict do nothing""");
			insert.setLong(1, runId);
			insert.setArray(2, connection.createArrayOf("bigint", threadIds.toArray()));
			insert.setString(3, outcome);
			return insert;
		});
	}

}
