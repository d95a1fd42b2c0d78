package forumkb.digest;

import forumkb.knownissue.KnownIssueMatches;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
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

	private final KnownIssueMatches matches;

	private final String baseUrl;

	DigestBuilder(ThreadActivity threads, TriageActivity triage, KnownIssueMatches matches,
			@Value("${forumkb.base-url:http://localhost:8080}") String baseUrl) {
		this.threads = threads;
		this.triage = triage;
		this.matches = matches;
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
		WeekQuery query = WeekQuery.of(filters, matches.threadsOf(filters.knownIssueIds()), week.previous().start(zone),
				from, to);
		return new DigestContent(week, period(week, zone), threads.newThreadCount(query),
				threads.newThreads(query, baseUrl), withReports ? triage.reports(query, baseUrl) : null,
				triage.knownIssues(query, withReports, baseUrl), threads.trendingCodes(query, baseUrl),
				threads.trendingApis(query, baseUrl), threads.unanswered(query, baseUrl));
	}

}
