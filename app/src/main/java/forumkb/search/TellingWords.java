package forumkb.search;

import static forumkb.index.IndexFields.TEXT;

import forumkb.index.analysis.ProseAnalyzer;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.IOUtils;

/**
 * Which matched words are worth citing as the reason two texts are alike: the ones rarer
 * than most threads' words. Triage's reasons and the thread page's similar threads both
 * read them here, so they agree on what carries signal.
 */
public final class TellingWords {

	private static final Analyzer PROSE_ANALYZER = new ProseAnalyzer();

	private static final CharArraySet FUNCTION_WORDS = functionWords();

	private TellingWords() {
	}

	/**
	 * Whether a highlighted word is worth showing as a reason: not a number, a host-name
	 * piece or a short word, and rarer than most (see {@link #rare}).
	 */
	public static boolean telling(IndexSearcher threads, String word) throws IOException {
		return word.length() >= 4 && word.chars().anyMatch(Character::isLetter)
				&& rare(threadsWith(threads, word), threads.getIndexReader().numDocs());
	}

	/**
	 * Whether a word or entity in {@code withIt} of {@code threads} threads is rarer than
	 * most: its rarity (IDF) is in the upper half of the scale, that is it occurs in at
	 * most √N threads. "after", "should", "error" or "code" occur in far more and tell
	 * nothing.
	 */
	public static boolean rare(long withIt, long threads) {
		return withIt <= Math.sqrt(threads);
	}

	/**
	 * Threads whose text has the word as the index reads it (stemmed). An English
	 * function word (Snowball's list: "after", "should") counts as in all of them: in a
	 * small corpus it can be rare, yet it never says why two reports are alike.
	 */
	private static long threadsWith(IndexSearcher threads, String word) throws IOException {
		if (FUNCTION_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
			return threads.getIndexReader().numDocs();
		}
		long most = 0;
		boolean any = false;
		try (TokenStream tokens = PROSE_ANALYZER.tokenStream(TEXT, word)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				any = true;
				most = Math.max(most, threads.getIndexReader().docFreq(new Term(TEXT, term.toString())));
			}
			tokens.end();
		}
		return any ? most : threads.getIndexReader().numDocs();
	}

	private static CharArraySet functionWords() {
		try (Reader list = IOUtils.getDecodingReader(SnowballFilter.class.getResourceAsStream("english_stop.txt"),
				StandardCharsets.UTF_8)) {
			return WordlistLoader.getSnowballWordSet(list);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Lucene's English stop word list is missing", e);
		}
	}

}
