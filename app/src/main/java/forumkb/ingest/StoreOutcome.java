package forumkb.ingest;

/** What storing one thread did. */
enum StoreOutcome {

	CREATED, UPDATED, UNCHANGED

}
