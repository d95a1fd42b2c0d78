package forumkb.digest;

import java.time.Instant;
import java.util.List;

/**
 * One subscriber's digest for one week, ready to render. {@code reports} is null for a
 * subscriber who may not read reports (developers), empty when there were none.
 * {@code period} names the week's days in the subscriber's time zone.
 */
public record DigestContent(IsoWeek week, String period, int newThreadCount, List<ThreadItem> newThreads,
		List<ReportItem> reports, List<KnownIssueItem> knownIssues, List<Trend> trendingCodes, List<Trend> trendingApis,
		List<ThreadItem> unanswered) {

	public record ThreadItem(long id, String title, int replies, int views, List<String> tags, String link) {
	}

	public record ReportItem(long id, String summary, String status, String knownIssue, Instant submittedAt,
			String link) {
	}

	/**
	 * A known issue that gained threads or reports this week; a fixed one gaining them
	 * may have regressed.
	 */
	public record KnownIssueItem(long id, String title, String status, String fixedIn, int newThreads, int newReports,
			String link) {
		public boolean regression() {
			return "FIXED".equals(status);
		}
	}

	/** An error code or API mentioned in more threads this week than the week before. */
	public record Trend(String value, int thisWeek, int lastWeek, String link) {
		public String change() {
			if (lastWeek == 0) {
				return "new";
			}
			return "+" + Math.round(100.0 * (thisWeek - lastWeek) / lastWeek) + "%";
		}
	}

	public boolean isEmpty() {
		return newThreadCount == 0 && (reports == null || reports.isEmpty()) && knownIssues.isEmpty()
				&& trendingCodes.isEmpty() && trendingApis.isEmpty() && unanswered.isEmpty();
	}

	public boolean hasRegression() {
		return knownIssues.stream().anyMatch(KnownIssueItem::regression);
	}

	public boolean showsReports() {
		return reports != null;
	}
}
