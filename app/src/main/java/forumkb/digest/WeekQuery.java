package forumkb.digest;

import forumkb.report.ReportInterest;
import forumkb.thread.ThreadFilter;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One subscriber's week as the digest asks its owners about it: the week [from, to), the
 * start of the week before (for trends), and the filters as threads and reports take
 * them. Values compare case-insensitively with the normalised entity values, and an error
 * typed as {@code NSURLErrorDomain -1200} or {@code … Code=-1200} finds the stored
 * {@code NSURLErrorDomain:-1200}.
 */
record WeekQuery(Instant before, Instant from, Instant to, boolean all, Set<Long> knownIssueIds, ThreadFilter threads,
		ReportInterest reports) {

	/**
	 * {@code knownIssueThreads}: the threads linked or matched to the known issues
	 * followed, which are in the digest like those the other filters let through.
	 */
	static WeekQuery of(DigestFilters filters, Set<Long> knownIssueThreads, Instant before, Instant from, Instant to) {
		boolean all = filters.isEmpty();
		Set<Long> issues = new HashSet<>(filters.knownIssueIds());
		List<String> frameworks = lower(filters.frameworks());
		return new WeekQuery(before, from, to, all, issues,
				new ThreadFilter(all, lower(filters.tags()), frameworks, lower(filters.apis()),
						filters.errorCodes().stream().map(WeekQuery::code).toList(), knownIssueThreads),
				new ReportInterest(all, frameworks, issues));
	}

	static String code(String typed) {
		return typed.strip()
			.toLowerCase(Locale.ROOT)
			.replaceFirst("^domain\\s*=\\s*", "")
			.replaceFirst("[\\s,:]+(code\\s*=?\\s*)?(?=-?\\w+$)", ":");
	}

	/**
	 * Whether a known issue followed by id lets its gains through whatever the other
	 * filters say.
	 */
	boolean follows(long knownIssueId) {
		return all || knownIssueIds.contains(knownIssueId);
	}

	private static List<String> lower(List<String> values) {
		return values.stream().map(value -> value.toLowerCase(Locale.ROOT)).toList();
	}

}
