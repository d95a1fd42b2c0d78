package forumkb.index;

/** Names of the index's fields and facet dimensions, in one place. */
public final class IndexFields {

	public static final String ID = "id";

	public static final String TITLE = "title";

	public static final String BODY = "body";

	public static final String ANSWER = "answer";

	/**
	 * Title, accepted answer and body as one field for ranking, title and answer repeated
	 * (see {@link ThreadDocuments}); the three above serve phrases and snippets.
	 */
	public static final String TEXT = "text";

	public static final String SYMBOLS = "symbols";

	public static final String URL = "url";

	public static final String SOURCE = "source";

	public static final String ACTIVITY = "activity";

	public static final String EXCERPT = "excerpt";

	public static final String ENTITY_LIST = "entities";

	/** Doc value and stored: 1 when the thread has an accepted answer. */
	public static final String ANSWERED = "answered";

	/** Stored counts a hit shows, as a forum listing does. */
	public static final String REPLIES = "replies";

	public static final String VIEWS = "views";

	// Exact-match entity fields (lower-cased keywords); each is also a facet dimension.
	public static final String ERROR = "error";

	public static final String CODE = "code";

	public static final String DOMAIN = "domain";

	public static final String API = "api";

	public static final String FRAMEWORK = "framework";

	public static final String ENTITLEMENT = "entitlement";

	public static final String SERVICE = "service";

	public static final String TAG = "tag";

	public static final String TOPIC = "topic";

	public static final String YEAR = "year";

	public static final String MONTH = "month";

	public static final String HAS = "has";

	private IndexFields() {
	}

}
