package forumkb.report;

/**
 * Published when an engineer gave a report to someone else to work, for whoever tells the
 * assignee: the digest's mail, as reports may not depend on the digest.
 */
public record ReportAssigned(Report report, String assignedBy) {

}
