package forumkb.knownissue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the reports say about known issues, in numbers and words. The reports feature
 * supplies it from its own tables: it builds on known issues, so they cannot read them.
 */
public interface ReportsPerKnownIssue {

	/**
	 * Reports counted for a known issue in each ISO week (keyed by its Monday) from
	 * {@code firstMonday} on: those put under it, or for which triage suggested it with
	 * high or medium confidence, in the week they were submitted. Weeks without reports
	 * are left out.
	 */
	Map<LocalDate, Integer> weeklyCounts(long knownIssueId, LocalDate firstMonday);

	/**
	 * The words (description and pasted text) of the reports engineers assigned to each
	 * known issue, the latest decision first, at most {@code perIssue} per issue.
	 */
	Map<Long, List<String>> assignedTexts(int perIssue);

}
