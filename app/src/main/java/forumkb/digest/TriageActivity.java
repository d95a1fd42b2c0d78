package forumkb.digest;

import forumkb.digest.DigestContent.KnownIssueItem;
import forumkb.digest.DigestContent.ReportItem;
import forumkb.knownissue.KnownIssue;
import forumkb.knownissue.KnownIssueMatches;
import forumkb.knownissue.KnownIssueService;
import forumkb.knownissue.KnownIssueStatus;
import forumkb.report.ReportService;
import forumkb.thread.ActiveThreads;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What triage saw in a week: new reports, and known issues that gained threads or
 * reports. Each owner answers for a whole week in one or two queries; this joins them.
 */
@Component
class TriageActivity {

	static final int REPORT_LIST_SIZE = 20;

	private final ReportService reports;

	private final KnownIssueMatches matches;

	private final KnownIssueService knownIssues;

	private final ActiveThreads threads;

	TriageActivity(ReportService reports, KnownIssueMatches matches, KnownIssueService knownIssues,
			ActiveThreads threads) {
		this.reports = reports;
		this.matches = matches;
		this.knownIssues = knownIssues;
		this.threads = threads;
	}

	/**
	 * The week's reports, newest first, with their status and the known issue they were
	 * put under.
	 */
	List<ReportItem> reports(WeekQuery week, String baseUrl) {
		return reports.submitted(week.reports(), week.from(), week.to(), REPORT_LIST_SIZE)
			.stream()
			.map(report -> new ReportItem(report.id(), report.title(), report.status().name(), report.knownIssueTitle(),
					report.submittedAt(), baseUrl + "/reports/" + report.id()))
			.toList();
	}

	/**
	 * Known issues that gained matches; a fixed one first, as it may have regressed. Each
	 * gain counts once: a thread linked by an engineer or matched by triage on arrival, a
	 * report filed against the issue or for which triage suggested it with HIGH or MEDIUM
	 * confidence; and only when the subscriber follows the issue, the thread or the
	 * report. An archived known issue is gone for engineers, so it is left out.
	 */
	List<KnownIssueItem> knownIssues(WeekQuery week, boolean withReports, String baseUrl) {
		Map<Long, Gains> gains = new LinkedHashMap<>();
		List<KnownIssueMatches.Arrival> arrivals = matches.arrivals(week.from(), week.to());
		Set<Long> followedThreads = week.all() ? Set.of()
				: threads.matching(week.threads(), arrivals.stream().map(KnownIssueMatches.Arrival::threadId).toList());
		for (KnownIssueMatches.Arrival arrival : arrivals) {
			if (week.follows(arrival.knownIssueId()) || followedThreads.contains(arrival.threadId())) {
				gains.computeIfAbsent(arrival.knownIssueId(), id -> new Gains()).threads++;
			}
		}
		if (withReports) {
			for (ReportService.KnownIssueGain gain : reports.knownIssueGains(week.reports(), week.from(), week.to())) {
				if (week.follows(gain.knownIssueId()) || gain.ofInterest()) {
					gains.computeIfAbsent(gain.knownIssueId(), id -> new Gains()).reports++;
				}
			}
		}
		Map<Long, KnownIssue> issues = knownIssues.byIds(gains.keySet());
		return gains.entrySet()
			.stream()
			.filter(entry -> issues.containsKey(entry.getKey()) && !issues.get(entry.getKey()).archived())
			.map(entry -> {
				KnownIssue issue = issues.get(entry.getKey());
				Gains counted = entry.getValue();
				return new KnownIssueItem(issue.id(), issue.title(), issue.status().name(), issue.fixedIn(),
						counted.threads, counted.reports, baseUrl + "/known-issues/" + issue.id());
			})
			.sorted(Comparator.comparing((KnownIssueItem item) -> !item.status().equals(KnownIssueStatus.FIXED.name()))
				.thenComparing(item -> -(item.newThreads() + item.newReports()))
				.thenComparingLong(KnownIssueItem::id))
			.toList();
	}

	/** What one known issue gained in the week. */
	private static final class Gains {

		private int threads;

		private int reports;

	}

}
