package forumkb.report;

/** A report moves new → triaged → closed. */
public enum ReportStatus {

	NEW, TRIAGED, CLOSED

}
