package forumkb.index.analysis;

import java.util.regex.Pattern;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;

/**
 * The {@code symbols} field, fed the same text as the body: only code-shaped tokens, each
 * as the whole lower-cased symbol plus its identifiers and word parts
 * ({@link SymbolPartsFilter}), so {@code NEFilterManager} is found by
 * {@code nefiltermanager} and by "filter manager", and
 * {@code saveToPreferencesWithCompletionHandler:} meets
 * {@code saveToPreferences(completionHandler:)}. No stemming: parts are names, not
 * English. Stop words ({@code to}, {@code with}) leave a gap.
 *
 * <p>
 * At query time plain words must survive (a user types "filter manager"), so the query
 * analyzer is built with {@code keepWords}; everything else is the same chain.
 */
public final class SymbolAnalyzer extends NoiseFreeAnalyzer {

	/**
	 * An identifier with optional {@code .member}s, then an optional Swift label list
	 * {@code (_:completion:)} / {@code ()} or ObjC selector tail {@code :reply:}. Spaces
	 * end a token, so {@code -[NSXPCConnection setCodeSigningRequirement:]} gives two
	 * symbols.
	 */
	private static final Pattern CANDIDATE = Pattern
		.compile("[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*(?:\\((?:\\w*:)*\\)|(?::\\w+)*:(?![/:]))?");

	private final boolean keepWords;

	private SymbolAnalyzer(boolean keepWords) {
		this.keepWords = keepWords;
	}

	/** Index side: plain words are dropped. */
	public static SymbolAnalyzer forIndex() {
		return new SymbolAnalyzer(false);
	}

	/** Query side: plain words kept, so they can match word parts. */
	public static SymbolAnalyzer forQuery() {
		return new SymbolAnalyzer(true);
	}

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		Tokenizer source = new PatternTokenizer(CANDIDATE, 0);
		TokenStream result = keepWords ? source : new SymbolShapeFilter(source);
		result = new SymbolPartsFilter(result);
		result = new LowerCaseFilter(result);
		result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
		// Last, so an overlong symbol still gives its parts.
		result = new LengthFilter(result, 1, ForumAnalyzers.MAX_TOKEN_CHARS);
		return new TokenStreamComponents(source, result);
	}

}
