package forumkb.report;

/** What the engineer decided a report is. */
public enum Resolution {

	CONFIRMED, OTHER_KNOWN_ISSUE, DUPLICATE_THREAD, NEW_KNOWN_ISSUE

}
