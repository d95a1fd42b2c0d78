package forumkb.digest;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a subscriber's week together: the week runs Monday to Monday in their time zone.
 */
@Service
class DigestBuilder {

	private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

	private final ThreadActivity threads;

	private final TriageActivity triage;

	private final String baseUrl;

	DigestBuilder(ThreadActivity threads, TriageActivity triage,
			@Value("${forumkb.base-url:http://localhost:8080}") String baseUrl) {
		this.threads = threads;
		this.triage = triage;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	String baseUrl() {
		return baseUrl;
	}

	static String period(IsoWeek week, ZoneId zone) {
		return PERIOD.format(week.monday()) + " to " + PERIOD.format(week.monday().plusDays(6)) + " (" + zone.getId()
				+ ")";
	}

	@Transactional(readOnly = true)
	public DigestContent build(Subscription subscription, IsoWeek week) {
		return build(subscription.filters(), subscription.zone(), subscription.seesReports(), week);
	}

	@Transactional(readOnly = true)
	public DigestContent build(DigestFilters filters, ZoneId zone, boolean withReports, IsoWeek week) {
		Instant from = week.start(zone);
		Instant to = week.end(zone);
		MapSqlParameterSource parameters = FilterSql.parameters(filters, from, to)
			.addValue("before", Timestamp.from(week.previous().start(zone)));
		return new DigestContent(week, period(week, zone), threads.newThreadCount(parameters),
				threads.newThreads(parameters, baseUrl), withReports ? triage.reports(parameters, baseUrl) : null,
				triage.knownIssues(parameters, withReports, baseUrl), threads.trendingCodes(parameters, baseUrl),
				threads.trendingApis(parameters, baseUrl), threads.unanswered(parameters, to, baseUrl));
	}

}
