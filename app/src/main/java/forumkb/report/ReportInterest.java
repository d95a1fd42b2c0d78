package forumkb.report;

import java.util.List;
import java.util.Set;

/**
 * Which reports a reader follows: those naming any of the frameworks (lower case), and
 * those put under any of the known issues or for which triage suggested one of them with
 * high or medium confidence. {@code all} lets every report through.
 */
public record ReportInterest(boolean all, List<String> frameworks, Set<Long> knownIssueIds) {

	public ReportInterest {
		frameworks = List.copyOf(frameworks);
		knownIssueIds = Set.copyOf(knownIssueIds);
	}

}
