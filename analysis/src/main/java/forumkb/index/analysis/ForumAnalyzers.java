package forumkb.index.analysis;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;

/**
 * The analyzers by name and the token limits they share. Which field gets which analyzer
 * is the index's business ({@code forumkb.index.FieldAnalyzers}): this package knows no
 * field names.
 */
public final class ForumAnalyzers {

	private ForumAnalyzers() {
	}

	public static final String PROSE = "prose";

	public static final String SYMBOL = "symbol";

	public static final String EXACT = "exact";

	/** The symbol chain as queries need it: plain words kept to meet word parts. */
	public static final String SYMBOL_QUERY = "symbol_query";

	/** Every name {@link #byName} knows, for hosts that register them all. */
	public static final List<String> NAMES = List.of(PROSE, SYMBOL, SYMBOL_QUERY, EXACT);

	/**
	 * Longer tokens are dropped: no one searches for a 40,000-character run of a pasted
	 * blob, and Lucene refuses a term past 32,766 bytes with the whole document.
	 */
	public static final int MAX_TOKEN_CHARS = 255;

	/**
	 * An exact value (a keyword, a facet label) is cut to this many characters, as long
	 * as ingest lets a tag be: Lucene takes a facet path of at most 8,191 characters and
	 * a term of at most 32,766 UTF-8 bytes, and refuses the whole document past either.
	 */
	public static final int MAX_EXACT_CHARS = 2_000;

	/** An analyzer by its name, for configuration that refers to one. */
	public static Analyzer byName(String name) {
		return switch (name) {
			case PROSE -> new ProseAnalyzer();
			case SYMBOL -> SymbolAnalyzer.forIndex();
			case SYMBOL_QUERY -> SymbolAnalyzer.forQuery();
			case EXACT -> new ExactAnalyzer();
			default -> throw new IllegalArgumentException("no analyzer named " + name);
		};
	}

}
