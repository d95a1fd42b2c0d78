package forumkb.search;

import static forumkb.index.IndexFields.TEXT;

import forumkb.index.analysis.ProseAnalyzer;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
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
	 * piece or a short word, and rarer than most (see {@link #rare}); {@code counts}
	 * holds at least the word's {@link #terms}.
	 */
	public static boolean telling(String word, LexicalReader.TermCounts counts, long threads) {
		return word.length() >= 4 && word.chars().anyMatch(Character::isLetter)
				&& rare(threadsWith(word, counts, threads), threads);
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
	 * The terms whose counts tell whether the words are telling: the words as the index
	 * reads them (stemmed).
	 */
	public static Set<Term> terms(Collection<String> words) {
		Set<Term> terms = new LinkedHashSet<>();
		words.forEach(word -> terms.addAll(analysed(word)));
		return terms;
	}

	/**
	 * Threads whose text has the word as the index reads it. An English function word
	 * (Snowball's list: "after", "should") counts as in all of them: in a small corpus it
	 * can be rare, yet it never says why two reports are alike.
	 */
	private static long threadsWith(String word, LexicalReader.TermCounts counts, long threads) {
		List<Term> terms = analysed(word);
		if (FUNCTION_WORDS.contains(word.toLowerCase(Locale.ROOT)) || terms.isEmpty()) {
			return threads;
		}
		return terms.stream().mapToLong(counts::docFreq).max().orElse(threads);
	}

	private static List<Term> analysed(String word) {
		List<Term> terms = new ArrayList<>();
		try (TokenStream tokens = PROSE_ANALYZER.tokenStream(TEXT, word)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				terms.add(new Term(TEXT, term.toString()));
			}
			tokens.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return terms;
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
