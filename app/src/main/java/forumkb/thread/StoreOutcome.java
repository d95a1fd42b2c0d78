package forumkb.thread;

/** What storing one thread did. */
public enum StoreOutcome {

	CREATED, UPDATED, UNCHANGED

}
