package forumkb.digest;

import static forumkb.digest.FilterSql.THREAD_DATE;
import static forumkb.digest.FilterSql.THREAD_MATCHES;

import forumkb.digest.DigestContent.ThreadItem;
import forumkb.digest.DigestContent.Trend;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What happened on the forums in a week, among the threads a subscriber's filters let
 * through.
 */
@Component
class ThreadActivity {

	static final int LIST_SIZE = 10;
	static final int TREND_SIZE = 5;

	/** How far back an unanswered thread still counts as current. */
	static final Duration UNANSWERED_WINDOW = Duration.ofDays(28);

	private static final String THREAD_COLUMNS = """
			select t.id, coalesce(t.title, '(untitled)') as title, coalesce(t.replies, 0) as replies,
			       coalesce(t.views, 0) as views,
			       array(select g.tag from thread_tag g where g.thread_id = t.id order by g.tag) as tags
			from thread t
			""";

	/**
	 * Symbolic and bare codes, minus a bare number that only repeats an error's code in
	 * the same thread.
	 */
	private static final String CODES = """
			e.kind = 'error' or (e.kind = 'code' and not exists (select 1 from thread_entity x
			    where x.thread_id = e.thread_id and x.kind = 'error'
			      and split_part(x.normalized_value, ':', 2) = e.normalized_value))
			""";

	private static final String APIS = "e.kind in ('api-type', 'api-method', 'c-function')";

	private final NamedParameterJdbcTemplate jdbc;

	private final int unansweredMinViews;

	ThreadActivity(NamedParameterJdbcTemplate jdbc,
			@Value("${forumkb.digest.unanswered-min-views:100}") int unansweredMinViews) {
		this.jdbc = jdbc;
		this.unansweredMinViews = unansweredMinViews;
	}

	int newThreadCount(MapSqlParameterSource week) {
		return jdbc.queryForObject("select count(*) from thread t where " + THREAD_DATE + " >= :from and " + THREAD_DATE
				+ " < :to and " + THREAD_MATCHES, week, Integer.class);
	}

	/** The week's new threads, most active (replies, then views) first. */
	List<ThreadItem> newThreads(MapSqlParameterSource week, String baseUrl) {
		return jdbc.query(
				THREAD_COLUMNS + " where " + THREAD_DATE + " >= :from and " + THREAD_DATE + " < :to and "
						+ THREAD_MATCHES + " order by replies desc, views desc, t.id limit " + LIST_SIZE,
				week, (row, n) -> thread(row, baseUrl));
	}

	/**
	 * Threads of the last four weeks up to the week's end that nobody answered yet, most
	 * viewed first.
	 */
	List<ThreadItem> unanswered(MapSqlParameterSource week, Instant weekEnd, String baseUrl) {
		MapSqlParameterSource parameters = copy(week)
			.addValue("since", Timestamp.from(weekEnd.minus(UNANSWERED_WINDOW)))
			.addValue("minViews", unansweredMinViews);
		return jdbc.query(
				THREAD_COLUMNS + " where " + THREAD_DATE + " >= :since and " + THREAD_DATE + " < :to"
						+ " and coalesce(t.replies, 0) = 0 and coalesce(t.views, 0) >= :minViews"
						+ " and not exists (select 1 from post p where p.thread_id = t.id and p.position > 0) and "
						+ THREAD_MATCHES + " order by views desc, t.id limit " + LIST_SIZE,
				parameters, (row, n) -> thread(row, baseUrl));
	}

	List<Trend> trendingCodes(MapSqlParameterSource week, String baseUrl) {
		return trending(week, CODES, baseUrl);
	}

	List<Trend> trendingApis(MapSqlParameterSource week, String baseUrl) {
		return trending(week, APIS, baseUrl);
	}

	/**
	 * Values mentioned in more of the filtered threads this week than in the week before,
	 * the largest rise first; counted in threads, so one chatty thread is one. The week
	 * before starts at {@code :before}.
	 */
	private List<Trend> trending(MapSqlParameterSource week, String kinds, String baseUrl) {
		String sql = """
				select kind, value, this_week, last_week from (
				    select e.kind, e.normalized_value as value,
				           count(distinct t.id) filter (where %1$s >= :from) as this_week,
				           count(distinct t.id) filter (where %1$s < :from) as last_week
				    from thread t join thread_entity e on e.thread_id = t.id
				    where %1$s >= :before and %1$s < :to and (%2$s) and %3$s
				    group by e.kind, e.normalized_value) counted
				where this_week > last_week
				order by this_week - last_week desc, this_week desc, value
				limit %4$d
				""".formatted(THREAD_DATE, kinds, THREAD_MATCHES, TREND_SIZE);
		return jdbc.query(sql, week,
				(row, n) -> new Trend(row.getString("value"), row.getInt("this_week"), row.getInt("last_week"),
						baseUrl + "/search?q="
								+ URLEncoder.encode(searchField(row.getString("kind")) + ":" + row.getString("value"),
										StandardCharsets.UTF_8)));
	}

	private static String searchField(String kind) {
		return switch (kind) {
			case "error" -> "error";
			case "code" -> "code";
			default -> "api";
		};
	}

	private static ThreadItem thread(ResultSet row, String baseUrl) throws SQLException {
		long id = row.getLong("id");
		return new ThreadItem(id, row.getString("title"), row.getInt("replies"), row.getInt("views"),
				List.of((String[]) row.getArray("tags").getArray()), baseUrl + "/threads/" + id);
	}

	private static MapSqlParameterSource copy(MapSqlParameterSource source) {
		return new MapSqlParameterSource(source.getValues());
	}

}
