package forumkb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;

/**
 * The weighted words of a free text, cut to the {@code limit} rarest when the searcher is
 * at hand (the rare ones of the writer's own lines, in at most √N documents, all stay;
 * see {@link #rarest}). A pasted log has hundreds of distinct words; the common ones
 * ("the", "error", "connection") match most of the corpus and barely move the ranking,
 * yet each must be iterated. A word counts once however many fields carry it, and its
 * rarity is its document frequency summed over them. When cutting, words in no document
 * go, and clauses that are not single terms stay.
 *
 * <p>
 * Terms of {@code partsField} (symbols and their parts) found in more than a tenth of the
 * documents, and in more than a thousand, go in any case: parts such as "error", "domain"
 * or "ns" are in most symbols, the same words count through the prose field, and
 * iterating them took a third of the time an error line's search ranked for at 200,000
 * threads. In a small index their postings cost nothing, and there a part still tells a
 * few threads apart.
 *
 * <p>
 * Likewise words of {@code proseField} in over a quarter of a large index ("error",
 * "domain", "code" in an error line) go when at least four rarer words found in the index
 * remain to rank by: their weight is under a fifth of a rare word's, yet every candidate
 * had to be checked for them (an error line ranked in two thirds of the time without them
 * at 200,000 threads). A short query of common words keeps them. Cutting them in
 * eval-dev's small index, too, left its search and triage figures as they were (R@10
 * 0.90, MRR 0.76 to 0.77).
 */
final class RarestWords extends Query {

	private static final double COMMON_SHARE = 0.1;

	private static final int COMMON_MINIMUM = 1_000;

	private static final double COMMON_WORD_SHARE = 0.25;

	private static final int RARER_WORDS_NEEDED = 4;

	private final Map<Query, Float> words;

	private final Set<String> ownWords;

	private final int limit;

	private final String partsField;

	private final String proseField;

	/**
	 * {@code ownWords} are the texts of the words written in the text's own lines, not in
	 * its pasted log lines: those that are rare stay beyond the limit.
	 */
	RarestWords(Map<Query, Float> words, Set<String> ownWords, int limit, String partsField, String proseField) {
		this.words = new LinkedHashMap<>(words);
		this.ownWords = Set.copyOf(ownWords);
		this.limit = limit;
		this.partsField = partsField;
		this.proseField = proseField;
	}

	/**
	 * How many documents an index holds and how many hold a term: all the cut reads, so
	 * that an index elsewhere (OpenSearch) cuts the same words as the one in process.
	 */
	interface Frequencies {

		int documents() throws IOException;

		int docFreq(Term term) throws IOException;

	}

	@Override
	public Query rewrite(IndexSearcher searcher) throws IOException {
		Map<Term, TermStates> looked = new HashMap<>();
		Frequencies frequencies = new Frequencies() {

			@Override
			public int documents() {
				return searcher.getIndexReader().numDocs();
			}

			/**
			 * Looked up once per rewrite: the term's states, which the rewritten query
			 * then carries, so that scoring does not seek the term again.
			 */
			@Override
			public int docFreq(Term term) throws IOException {
				TermStates states = looked.get(term);
				if (states == null) {
					states = TermStates.build(searcher, term, true);
					looked.put(term, states);
				}
				return states.docFreq();
			}

		};
		return cut(frequencies, word -> withStates(word, looked));
	}

	/** The words kept, as one weighted disjunction of plain clauses. */
	Query cut(Frequencies frequencies) throws IOException {
		return cut(frequencies, UnaryOperator.identity());
	}

	/** Every term among the words: what {@link #cut} may look up. */
	Set<Term> terms() {
		Set<Term> terms = new LinkedHashSet<>();
		words.keySet().forEach(word -> {
			if (word instanceof TermQuery term) {
				terms.add(term.getTerm());
			}
		});
		return terms;
	}

	private Query cut(Frequencies frequencies, UnaryOperator<Query> clause) throws IOException {
		Map<Query, Float> uncommon = withoutCommonTerms(frequencies);
		Set<String> texts = new HashSet<>();
		uncommon.keySet().forEach(word -> texts.add(text(word)));
		Set<String> kept = texts.size() <= limit ? texts : rarest(frequencies, uncommon.keySet());
		BooleanQuery.Builder disjunction = new BooleanQuery.Builder();
		uncommon.forEach((word, weight) -> {
			if (kept.contains(text(word))) {
				disjunction.add(new BoostQuery(clause.apply(word), weight), Occur.SHOULD);
			}
		});
		return disjunction.build();
	}

	private Map<Query, Float> withoutCommonTerms(Frequencies frequencies) throws IOException {
		int documents = frequencies.documents();
		double common = Math.max(COMMON_MINIMUM, documents * COMMON_SHARE);
		double commonWord = Math.max(COMMON_MINIMUM, documents * COMMON_WORD_SHARE);
		Map<Query, Float> uncommon = new LinkedHashMap<>();
		Map<Query, Float> commonWords = new LinkedHashMap<>();
		int rarerWords = 0;
		for (Map.Entry<Query, Float> word : words.entrySet()) {
			if (word.getKey() instanceof TermQuery term && term.getTerm().field().equals(partsField)
					&& frequencies.docFreq(term.getTerm()) > common) {
				continue;
			}
			if (word.getKey() instanceof TermQuery term && term.getTerm().field().equals(proseField)) {
				int frequency = frequencies.docFreq(term.getTerm());
				if (frequency > commonWord) {
					commonWords.put(word.getKey(), word.getValue());
					continue;
				}
				// A word in no thread (an id, a typo) ranks nothing, so it does not count
				// as rarer.
				rarerWords += frequency > 0 ? 1 : 0;
			}
			uncommon.put(word.getKey(), word.getValue());
		}
		if (rarerWords < RARER_WORDS_NEEDED) {
			uncommon.putAll(commonWords);
		}
		return uncommon;
	}

	/**
	 * Looked up only when there are too many words: a few hundred seeks per segment are
	 * not free. Besides the {@code limit} rarest, every word of the writer's own lines in
	 * at most √N documents (the upper half of the IDF scale) stays, however many there
	 * are. Their postings are short, so they cost little to iterate, and in a long report
	 * written in prose they are what tells its thread apart; cut to the 32 rarest, such a
	 * report scored by its typos, versions and hashes (search over eval-real-dev's pasted
	 * reports R@10 0.80, below plain BM25's 0.88; 0.86 keeping them). The rare words of
	 * pasted log lines do not stay beyond the limit: they are the log's chatter
	 * ("gestalt", "boringssl", "quic"), shared by every thread that pasted a log of the
	 * same app, and kept they cost eval-dev's noisy logs two places (search R@10 0.90 to
	 * 0.88, MRR 0.76 to 0.75; eval-real-dev unchanged without them).
	 */
	private Set<String> rarest(Frequencies frequencies, Set<Query> candidates) throws IOException {
		Map<String, Long> frequency = new HashMap<>();
		Set<String> kept = new HashSet<>();
		for (Query word : candidates) {
			if (word instanceof TermQuery term) {
				frequency.merge(term.getTerm().text(), (long) frequencies.docFreq(term.getTerm()), Long::sum);
			}
			else {
				kept.add(text(word));
			}
		}
		List<String> byRarity = new ArrayList<>(frequency.keySet());
		byRarity.removeIf(text -> frequency.get(text) == 0);
		byRarity.sort(Comparator.comparing(frequency::get));
		double rare = Math.sqrt(frequencies.documents());
		kept.addAll(byRarity.subList(0, Math.min(limit, byRarity.size())));
		byRarity.stream().filter(text -> frequency.get(text) <= rare && ownWords.contains(text)).forEach(kept::add);
		return kept;
	}

	private static Query withStates(Query word, Map<Term, TermStates> looked) {
		return word instanceof TermQuery term && looked.containsKey(term.getTerm())
				? new TermQuery(term.getTerm(), looked.get(term.getTerm())) : word;
	}

	/**
	 * What makes clauses the same word: the term text, or the whole clause when it is not
	 * one term.
	 */
	static String text(Query word) {
		return word instanceof TermQuery term ? term.getTerm().text() : word.toString();
	}

	@Override
	public void visit(QueryVisitor visitor) {
		QueryVisitor any = visitor.getSubVisitor(Occur.SHOULD, this);
		words.keySet().forEach(word -> word.visit(any));
	}

	@Override
	public String toString(String field) {
		return "rarest " + limit + " of " + words.size() + " words";
	}

	@Override
	public boolean equals(Object other) {
		return sameClassAs(other) && ((RarestWords) other).limit == limit && ((RarestWords) other).words.equals(words)
				&& ((RarestWords) other).ownWords.equals(ownWords)
				&& ((RarestWords) other).partsField.equals(partsField);
	}

	@Override
	public int hashCode() {
		return 31 * classHash() + 17 * limit + words.hashCode() + ownWords.hashCode() + partsField.hashCode();
	}

}
