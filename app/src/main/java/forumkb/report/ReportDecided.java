package forumkb.report;

/**
 * Published when an engineer decided a report (triaged or closed it), for whoever tells
 * its reporter: the digest's mail, as reports may not depend on the digest.
 */
public record ReportDecided(Report report, String decidedBy) {

	/** Someone other than the engineer who decided submitted it, and can be told. */
	public boolean reporterToTell() {
		return report.submitterEmail() != null && !report.submitterEmail().equalsIgnoreCase(decidedBy);
	}

}
