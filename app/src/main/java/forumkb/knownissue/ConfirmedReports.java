package forumkb.knownissue;

import java.time.Instant;
import java.util.List;

/**
 * The reports engineers confirmed as a known issue, for its page. The reports feature
 * supplies them: it builds on known issues, so they cannot reach into it.
 */
public interface ConfirmedReports {

	/**
	 * Newest decision first. Report text is private: only engineers may be shown these.
	 */
	List<ConfirmedReport> of(long knownIssueId);

	/** A confirmed report as the known issue's page lists it. */
	record ConfirmedReport(long id, String title, String submitter, Instant triagedAt, String triagedBy) {
	}

}
