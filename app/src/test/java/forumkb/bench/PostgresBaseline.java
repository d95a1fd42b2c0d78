package forumkb.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The obvious alternative to the Lucene index, for comparison: PostgreSQL full-text
 * search over a table of one {@code tsvector} a thread (title and every post) with a GIN
 * index, ranked by {@code ts_rank}, top 10. The table is built once (timed on its own)
 * and dropped on close, unless the database is kept for the next run. One connection, as
 * one in-process caller would use.
 */
final class PostgresBaseline implements AutoCloseable {

	private static final String SEARCH = """
			select id, ts_rank(doc, q) from fts_thread, websearch_to_tsquery('english', ?) q
			where doc @@ q order by 2 desc limit 10""";

	private static final String QUERY_CANCELED = "57014";

	private final Connection connection;

	private final double buildSeconds;

	private final boolean kept;

	private int timeouts;

	private PostgresBaseline(Connection connection, double buildSeconds, boolean kept) {
		this.connection = connection;
		this.buildSeconds = buildSeconds;
		this.kept = kept;
	}

	static PostgresBaseline build(DataSource dataSource, boolean kept) throws SQLException {
		Connection connection = dataSource.getConnection();
		long start = System.nanoTime();
		try (Statement statement = connection.createStatement()) {
			statement.execute("set maintenance_work_mem = '256MB'");
			statement.execute("""
					create table if not exists fts_thread as
					select t.id, to_tsvector('english', coalesce(t.title, '') || ' ' || string_agg(p.body, ' ')) as doc
					from thread t join post p on p.thread_id = t.id group by t.id""");
			statement.execute("create index if not exists fts_thread_doc on fts_thread using gin (doc)");
			statement.execute("analyze fts_thread");
			statement.execute("set statement_timeout = '60s'");
		}
		catch (SQLException e) {
			connection.close();
			throw e;
		}
		return new PostgresBaseline(connection, (System.nanoTime() - start) / 1e9, kept);
	}

	double buildSeconds() {
		return buildSeconds;
	}

	/** Size of the table and its index together. */
	long bytes() throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet size = statement.executeQuery("select pg_total_relation_size('fts_thread')")) {
			size.next();
			return size.getLong(1);
		}
	}

	/**
	 * Queries cut off by the statement timeout so far; their latency counts as the
	 * timeout.
	 */
	int timeouts() {
		return timeouts;
	}

	/** One pass over the queries, each timed from execute to the last row read. */
	Latencies run(List<String> queries) throws SQLException {
		Latencies latencies = new Latencies();
		try (PreparedStatement search = connection.prepareStatement(SEARCH)) {
			for (String query : queries) {
				long start = System.nanoTime();
				search.setString(1, query);
				try (ResultSet rows = search.executeQuery()) {
					while (rows.next()) {
						rows.getLong(1);
					}
				}
				catch (SQLException e) {
					if (!QUERY_CANCELED.equals(e.getSQLState())) {
						throw e;
					}
					timeouts++;
				}
				latencies.add(System.nanoTime() - start);
			}
		}
		return latencies;
	}

	@Override
	public void close() throws SQLException {
		try (connection; Statement statement = connection.createStatement()) {
			if (!kept) {
				statement.execute("drop table if exists fts_thread");
			}
		}
	}

}
