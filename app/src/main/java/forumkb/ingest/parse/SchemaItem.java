package forumkb.ingest.parse;

import java.util.List;

/**
 * One schema.org item, whether it came from JSON-LD or from microdata, so that
 * {@link SchemaOrgThread} maps DiscussionForumPosting / Question / Comment once for both.
 */
interface SchemaItem {

	/**
	 * The type's simple name, e.g. {@code "DiscussionForumPosting"}; empty when untyped.
	 */
	String type();

	/**
	 * A scalar property (a date, a URL, a name), or null. A nested item gives its
	 * {@code name}.
	 */
	String value(String property);

	/**
	 * A prose property (post text) as plain text; HTML in it is converted. Null when
	 * absent.
	 */
	String prose(String property);

	/** The nested items of a property, in order; empty when absent. */
	List<SchemaItem> items(String property);

	/**
	 * All scalar values of a property (keywords may be a list or one comma-separated
	 * string).
	 */
	List<String> values(String property);

}
