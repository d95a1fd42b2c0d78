package forumkb.index.analysis;

import java.util.regex.Pattern;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.PatternKeywordMarkerFilter;
import org.apache.lucene.analysis.pattern.PatternTokenizer;

/**
 * English prose of titles, bodies and answers: overlong tokens dropped, possessives off,
 * lower-case, English stop words, Porter. Porter rather than KStem because KStem's
 * lexicon keeps "failing" and "returns" as words of their own, and posts say "fails",
 * "failed" and "failing" of the same bug; Porter's known over-merging
 * ("general"/"generate") is cheap here because every identifier and number is a keyword
 * and never reaches the stemmer.
 *
 * <p>
 * Code keeps its identity: a signed number stays {@code -9802} (a tokenizer rule, since
 * {@code StandardTokenizer} would drop the sign), and identifiers and numbers are marked
 * as keywords so the stemmer leaves {@code NEFilterManager} whole as
 * {@code nefiltermanager}. Prose does not split identifiers into parts: that is the
 * {@code symbols} field's job, and parts here would make phrase queries match inside
 * code.
 */
public final class ProseAnalyzer extends NoiseFreeAnalyzer {

	/**
	 * A signed number where the sign cannot be a hyphen ({@code (-25300)},
	 * {@code =-1200}), a dotted number ({@code 18.1}), or a word: letters, digits and
	 * '_', not '_' alone (the label of {@code (_:)}), with inner apostrophes
	 * ({@code Bob's}). Dots between words split: {@code NEFilterManager.sharedManager} is
	 * two identifiers, each kept whole; dotted names as one term live in the exact and
	 * symbols fields.
	 */
	private static final Pattern TOKEN = Pattern
		.compile("(?<![\\p{L}\\p{N}_])-\\p{N}+(?:\\.\\p{N}+)*|\\p{N}+(?:\\.\\p{N}+)+"
				+ "|_*[\\p{L}\\p{N}][\\p{L}\\p{N}_]*(?:['’][\\p{L}\\p{N}_]+)*");

	/**
	 * Not English: an inner capital, two capitals, a digit or '_'
	 * ({@code errSecItemNotFound}, {@code XPC}, {@code -9802}).
	 */
	private static final Pattern CODE_LIKE = Pattern.compile("(?s).*(?:\\p{Ll}\\p{Lu}|\\p{Lu}{2}|[\\p{N}_]).*");

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		Tokenizer source = new PatternTokenizer(TOKEN, 0);
		TokenStream result = new LengthFilter(source, 1, ForumAnalyzers.MAX_TOKEN_CHARS);
		result = new PatternKeywordMarkerFilter(result, CODE_LIKE);
		result = new EnglishPossessiveFilter(result);
		result = new LowerCaseFilter(result);
		result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
		result = new PorterStemFilter(result);
		return new TokenStreamComponents(source, result);
	}

}
