package forumkb.digest;

import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A subscriber's filters as SQL: the condition a thread {@code t} must meet, and its
 * parameters. Values compare case-insensitively with the normalised entity values, and an
 * error typed as {@code NSURLErrorDomain -1200} or {@code … Code=-1200} finds the stored
 * {@code NSURLErrorDomain:-1200}.
 */
final class FilterSql {

	static final String THREAD_MATCHES = """
			(:all
			 or exists (select 1 from thread_tag g where g.thread_id = t.id and lower(g.tag) = any(cast(:tags as text[])))
			 or exists (select 1 from thread_entity e where e.thread_id = t.id and (
			        (e.kind = 'framework' and lower(e.normalized_value) = any(cast(:frameworks as text[])))
			     or (e.kind in ('api-type', 'api-method', 'c-function')
			         and lower(e.normalized_value) = any(cast(:apis as text[])))
			     or (e.kind in ('error', 'code') and lower(e.normalized_value) = any(cast(:codes as text[])))))
			 or exists (select 1 from known_issue_thread k
			            where k.thread_id = t.id and k.known_issue_id = any(cast(:issues as bigint[])))
			 or exists (select 1 from known_issue_match m
			            where m.thread_id = t.id and m.known_issue_id = any(cast(:issues as bigint[]))))
			""";

	/** When a thread happened: its first post's date, else when we ingested it. */
	static final String THREAD_DATE = "coalesce(t.created_at, t.ingested_at)";

	private FilterSql() {
	}

	static MapSqlParameterSource parameters(DigestFilters filters, Instant from, Instant to) {
		return new MapSqlParameterSource().addValue("all", filters.isEmpty())
			.addValue("tags", lower(filters.tags()))
			.addValue("frameworks", lower(filters.frameworks()))
			.addValue("apis", lower(filters.apis()))
			.addValue("codes", filters.errorCodes().stream().map(FilterSql::code).toArray(String[]::new))
			.addValue("issues", filters.knownIssueIds().toArray(Long[]::new))
			.addValue("from", Timestamp.from(from))
			.addValue("to", Timestamp.from(to));
	}

	static String code(String typed) {
		return typed.strip()
			.toLowerCase(Locale.ROOT)
			.replaceFirst("^domain\\s*=\\s*", "")
			.replaceFirst("[\\s,:]+(code\\s*=?\\s*)?(?=-?\\w+$)", ":");
	}

	private static String[] lower(List<String> values) {
		return values.stream().map(value -> value.toLowerCase(Locale.ROOT)).toArray(String[]::new);
	}

}
