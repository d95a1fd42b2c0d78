package forumkb.thread;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Threads by when they happened, among those a {@link ThreadFilter} lets through: how
 * many, the most active, the unanswered, and the errors and APIs mentioned more than the
 * period before. Each is one statement, so a weekly digest costs a handful of queries
 * whatever the filter. A thread happened at its first post's date, else when it was
 * ingested.
 */
@Repository
public class ActiveThreads {

	/** A thread as a list shows it: counts are 0 where the source showed none. */
	public record Listed(long id, String title, int replies, int views, List<String> tags) {
	}

	/** How many threads mentioned a value in a period and in the one before. */
	public record Mentions(String kind, String value, int thisPeriod, int periodBefore) {
	}

	/** The kinds of entity a rising mention is counted for. */
	public enum Mentioned {

		/**
		 * Symbolic and bare codes, minus a bare number that only repeats an error's code
		 * in the same thread.
		 */
		CODES("""
				e.kind = 'error' or (e.kind = 'code' and not exists (select 1 from thread_entity x
				    where x.thread_id = e.thread_id and x.kind = 'error'
				      and split_part(x.normalized_value, ':', 2) = e.normalized_value))
				"""),

		APIS("e.kind in ('api-type', 'api-method', 'c-function')");

		private final String condition;

		Mentioned(String condition) {
			this.condition = condition;
		}

	}

	private static final String THREAD_DATE = "coalesce(t.created_at, t.ingested_at)";

	private static final String MATCHES = """
			(:all
			 or exists (select 1 from thread_tag g where g.thread_id = t.id and lower(g.tag) = any(cast(:tags as text[])))
			 or exists (select 1 from thread_entity e where e.thread_id = t.id and (
			        (e.kind = 'framework' and lower(e.normalized_value) = any(cast(:frameworks as text[])))
			     or (e.kind in ('api-type', 'api-method', 'c-function')
			         and lower(e.normalized_value) = any(cast(:apis as text[])))
			     or (e.kind in ('error', 'code') and lower(e.normalized_value) = any(cast(:codes as text[])))))
			 or t.id = any(cast(:threadIds as bigint[])))
			""";

	private static final String LISTED = """
			select t.id, coalesce(t.title, '(untitled)') as title, coalesce(t.replies, 0) as replies,
			       coalesce(t.views, 0) as views,
			       array(select g.tag from thread_tag g where g.thread_id = t.id order by g.tag) as tags
			from thread t
			""";

	private final NamedParameterJdbcTemplate jdbc;

	ActiveThreads(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Threads that happened in [from, to). */
	public int count(ThreadFilter filter, Instant from, Instant to) {
		return jdbc.queryForObject("select count(*) from thread t where " + THREAD_DATE + " >= :from and " + THREAD_DATE
				+ " < :to and " + MATCHES, parameters(filter, from, to), Integer.class);
	}

	/** Threads that happened in [from, to), most replies, then most views first. */
	public List<Listed> mostActive(ThreadFilter filter, Instant from, Instant to, int limit) {
		return jdbc.query(
				LISTED + " where " + THREAD_DATE + " >= :from and " + THREAD_DATE + " < :to and " + MATCHES
						+ " order by replies desc, views desc, t.id limit :limit",
				parameters(filter, from, to).addValue("limit", limit), ActiveThreads::listed);
	}

	/**
	 * Threads that happened in [from, to) with at least {@code minViews} views that
	 * nobody answered yet, most viewed first.
	 */
	public List<Listed> unanswered(ThreadFilter filter, Instant from, Instant to, int minViews, int limit) {
		return jdbc.query(
				LISTED + " where " + THREAD_DATE + " >= :from and " + THREAD_DATE + " < :to"
						+ " and coalesce(t.replies, 0) = 0 and coalesce(t.views, 0) >= :minViews"
						+ " and not exists (select 1 from post p where p.thread_id = t.id and p.position > 0) and "
						+ MATCHES + " order by views desc, t.id limit :limit",
				parameters(filter, from, to).addValue("minViews", minViews).addValue("limit", limit),
				ActiveThreads::listed);
	}

	/**
	 * Values mentioned in more threads in [from, to) than in [before, from), the largest
	 * rise first; counted in threads, so one chatty thread is one.
	 */
	public List<Mentions> rising(ThreadFilter filter, Mentioned kinds, Instant before, Instant from, Instant to,
			int limit) {
		String sql = """
				select kind, value, this_period, period_before from (
				    select e.kind, e.normalized_value as value,
				           count(distinct t.id) filter (where %1$s >= :from) as this_period,
				           count(distinct t.id) filter (where %1$s < :from) as period_before
				    from thread t join thread_entity e on e.thread_id = t.id
				    where %1$s >= :before and %1$s < :to and (%2$s) and %3$s
				    group by e.kind, e.normalized_value) counted
				where this_period > period_before
				order by this_period - period_before desc, this_period desc, value
				limit :limit
				""".formatted(THREAD_DATE, kinds.condition, MATCHES);
		return jdbc.query(sql,
				parameters(filter, from, to).addValue("before", Timestamp.from(before)).addValue("limit", limit),
				(row, n) -> new Mentions(row.getString("kind"), row.getString("value"), row.getInt("this_period"),
						row.getInt("period_before")));
	}

	/** Those of the threads given that the filter lets through. */
	public Set<Long> matching(ThreadFilter filter, Collection<Long> threadIds) {
		if (threadIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(
				jdbc.queryForList("select t.id from thread t where t.id = any(cast(:ids as bigint[])) and " + MATCHES,
						parameters(filter).addValue("ids", threadIds.toArray(Long[]::new)), Long.class));
	}

	private static MapSqlParameterSource parameters(ThreadFilter filter, Instant from, Instant to) {
		return parameters(filter).addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to));
	}

	private static MapSqlParameterSource parameters(ThreadFilter filter) {
		return new MapSqlParameterSource().addValue("all", filter.all())
			.addValue("tags", filter.tags().toArray(String[]::new))
			.addValue("frameworks", filter.frameworks().toArray(String[]::new))
			.addValue("apis", filter.apis().toArray(String[]::new))
			.addValue("codes", filter.codes().toArray(String[]::new))
			.addValue("threadIds", filter.threadIds().toArray(Long[]::new));
	}

	private static Listed listed(ResultSet row, int number) throws SQLException {
		return new Listed(row.getLong("id"), row.getString("title"), row.getInt("replies"), row.getInt("views"),
				List.of((String[]) row.getArray("tags").getArray()));
	}

}
