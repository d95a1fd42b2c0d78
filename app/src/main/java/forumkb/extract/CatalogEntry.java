package forumkb.extract;

import java.util.List;

/**
 * One error code from {@code catalog/error-codes.tsv}: the NSError domain string, the
 * signed decimal code, the ObjC/C constant, its other spellings and a one-line meaning.
 */
public record CatalogEntry(String domain, int code, String name, List<String> aliases, String meaning) {

	public CatalogEntry {
		aliases = List.copyOf(aliases);
	}

	/**
	 * {@code NSURLErrorDomain:-1200}, the spelling EntityExtractor gives ERROR entities.
	 */
	public String key() {
		return domain + ":" + code;
	}
}
