package forumkb.search;

import forumkb.index.IndexFields;
import forumkb.search.SearchResult.SnippetPart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;

/**
 * Snippets for a page of hits, the query's terms marked. Prose fields are indexed with
 * offsets, so the matches come from the postings: each term is looked up once per segment
 * and advanced through the page's documents in order. A passage is the window of text
 * with the most distinct query terms, rarer terms weighing more. Snippets are plain parts
 * (text, and whether it matched), never HTML: forum text is untrusted, so the page
 * escapes every part and marks the matches itself.
 *
 * <p>
 * Lucene's unified highlighter found the same matches document by document, opening fresh
 * postings for every term and document: on a page of ten it took longer than the search
 * itself and made most of the garbage a loaded server collected.
 */
final class OffsetHighlighter {

	/** Matches a passage's window may span, and the text shown before its first match. */
	private static final int WINDOW = 160;

	private static final int CONTEXT = 50;

	private static final int PASSAGE = 220;

	/**
	 * A common word in a long thread can match thousands of times; the first ones
	 * suffice.
	 */
	private static final int MAX_MATCHES = 1_000;

	/**
	 * What weighs a match: how many documents the whole index holds, and how many of them
	 * hold a term.
	 */
	interface Statistics {

		int documents();

		int docFreq(Term term) throws IOException;

	}

	private final IndexReader reader;

	private final Statistics statistics;

	OffsetHighlighter(IndexSearcher searcher) {
		this(searcher.getIndexReader(), new Statistics() {

			@Override
			public int documents() {
				return searcher.getIndexReader().numDocs();
			}

			@Override
			public int docFreq(Term term) throws IOException {
				return searcher.getIndexReader().docFreq(term);
			}

		});
	}

	/**
	 * Matches read from {@code reader}'s postings, weighed by {@code statistics}: a page
	 * indexed on its own finds the same matches as the whole index, but only the whole
	 * index's counts pick the passages it picks.
	 */
	OffsetHighlighter(IndexReader reader, Statistics statistics) {
		this.reader = reader;
		this.statistics = statistics;
	}

	/**
	 * For each of {@code docIds}, the snippet of {@code texts[i]} (the document's stored
	 * value of {@code field}) with at most {@code passages} passages, or null when no
	 * term of the query occurs in it.
	 */
	List<List<SnippetPart>> highlight(Query query, String field, int[] docIds, String[] texts, int passages)
			throws IOException {
		List<BytesRef> terms = terms(query, field);
		List<List<SnippetPart>> snippets = new ArrayList<>(docIds.length);
		Matches[] matches = terms.isEmpty() ? new Matches[docIds.length] : matches(field, terms, docIds);
		float[] weights = new float[terms.size()];
		for (int i = 0; i < docIds.length; i++) {
			Matches found = matches[i];
			if (found == null || texts[i] == null) {
				snippets.add(null);
				continue;
			}
			found.sortAndDropOverlaps(texts[i].length());
			weigh(field, terms, found, weights);
			snippets.add(found.size == 0 ? null : snippet(texts[i], found, weights, passages));
		}
		return snippets;
	}

	/**
	 * The distinct terms the query finds {@code field}'s words by: its phrases' words on
	 * the field itself, and the words ranked on {@link IndexFields#TEXT}, which holds the
	 * same words analysed alike.
	 */
	static List<BytesRef> terms(Query query, String field) {
		Set<Term> all = new LinkedHashSet<>();
		query.visit(QueryVisitor.termCollector(all));
		return all.stream()
			.filter(term -> term.field().equals(field) || term.field().equals(IndexFields.TEXT))
			.map(Term::bytes)
			.distinct()
			.toList();
	}

	/** Every document's matches, reading each term's postings once per segment. */
	private Matches[] matches(String field, List<BytesRef> terms, int[] docIds) throws IOException {
		Matches[] matches = new Matches[docIds.length];
		Integer[] byDoc = new Integer[docIds.length];
		for (int i = 0; i < byDoc.length; i++) {
			byDoc[i] = i;
		}
		Arrays.sort(byDoc, Comparator.comparingInt(i -> docIds[i]));
		List<LeafReaderContext> leaves = reader.leaves();
		int first = 0;
		while (first < byDoc.length) {
			LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docIds[byDoc[first]], leaves));
			int last = first;
			while (last < byDoc.length && docIds[byDoc[last]] < leaf.docBase + leaf.reader().maxDoc()) {
				last++;
			}
			Terms indexed = leaf.reader().terms(field);
			if (indexed != null && indexed.hasOffsets()) {
				TermsEnum termsEnum = indexed.iterator();
				PostingsEnum postings = null;
				for (int term = 0; term < terms.size(); term++) {
					if (termsEnum.seekExact(terms.get(term))) {
						postings = termsEnum.postings(postings, PostingsEnum.OFFSETS);
						collect(postings, term, leaf.docBase, docIds, byDoc, first, last, matches);
					}
				}
			}
			first = last;
		}
		return matches;
	}

	private static void collect(PostingsEnum postings, int term, int docBase, int[] docIds, Integer[] byDoc, int from,
			int to, Matches[] matches) throws IOException {
		for (int k = from; k < to; k++) {
			int doc = docIds[byDoc[k]] - docBase;
			int at = postings.docID() < doc ? postings.advance(doc) : postings.docID();
			if (at == DocIdSetIterator.NO_MORE_DOCS) {
				return;
			}
			if (at != doc) {
				continue;
			}
			Matches found = matches[byDoc[k]];
			if (found == null) {
				found = matches[byDoc[k]] = new Matches();
			}
			for (int left = postings.freq(); left > 0 && found.size < MAX_MATCHES; left--) {
				postings.nextPosition();
				if (postings.startOffset() >= 0) {
					found.add(postings.startOffset(), postings.endOffset(), term);
				}
			}
		}
	}

	/**
	 * Rarer terms weigh more: the inverse document frequency of each term that matched
	 * here.
	 */
	private void weigh(String field, List<BytesRef> terms, Matches found, float[] weights) throws IOException {
		int documents = Math.max(1, statistics.documents());
		for (int i = 0; i < found.size; i++) {
			int term = found.term(i);
			if (weights[term] == 0) {
				int frequency = statistics.docFreq(new Term(field, terms.get(term)));
				weights[term] = (float) Math.log(1 + (double) documents / (1 + frequency));
			}
		}
	}

	/** The best passages, in text order, as parts. */
	private static List<SnippetPart> snippet(String text, Matches found, float[] weights, int passages) {
		// Sliding window: the matches from start up to ends[start] fit in WINDOW
		// characters.
		float[] scores = new float[found.size];
		int[] ends = new int[found.size];
		int[] counts = new int[weights.length];
		float score = 0;
		int end = 0;
		for (int start = 0; start < found.size; start++) {
			while (end < found.size && (end == start || found.end(end) <= found.start(start) + WINDOW)) {
				int term = found.term(end++);
				if (counts[term]++ == 0) {
					score += weights[term];
				}
			}
			scores[start] = score;
			ends[start] = end;
			int term = found.term(start);
			if (--counts[term] == 0) {
				score -= weights[term];
			}
		}
		List<int[]> chosen = new ArrayList<>(passages);
		for (int p = 0; p < passages; p++) {
			int best = -1;
			for (int start = 0; start < found.size; start++) {
				if ((best < 0 || scores[start] > scores[best]) && !overlaps(chosen, found, start, ends[start])) {
					best = start;
				}
			}
			if (best < 0) {
				break;
			}
			chosen.add(new int[] { best, ends[best] });
		}
		chosen.sort(Comparator.comparingInt(window -> window[0]));
		List<SnippetPart> parts = new ArrayList<>();
		for (int[] window : chosen) {
			if (!parts.isEmpty()) {
				parts.add(new SnippetPart(" … ", false));
			}
			passage(text, found, window[0], window[1], parts);
		}
		return parts;
	}

	/**
	 * Whether the passage of matches {@code [first, last)} would share text with a chosen
	 * one.
	 */
	private static boolean overlaps(List<int[]> chosen, Matches found, int first, int last) {
		for (int[] window : chosen) {
			if (from(found, first) < to(found, window[0], window[1])
					&& from(found, window[0]) < to(found, first, last)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Where a passage may start and end at most; {@link #passage} only narrows this to
	 * word boundaries.
	 */
	private static int from(Matches found, int first) {
		return Math.max(0, found.start(first) - CONTEXT);
	}

	private static int to(Matches found, int first, int last) {
		return Math.max(found.end(last - 1), from(found, first) + PASSAGE);
	}

	/**
	 * Matches {@code [first, last)} with context before, cut at word boundaries, up to
	 * {@link #PASSAGE} characters.
	 */
	private static void passage(String text, Matches found, int first, int last, List<SnippetPart> parts) {
		int from = from(found, first);
		int lineStart = text.lastIndexOf('\n', found.start(first) - 1);
		if (lineStart >= from) {
			from = lineStart + 1;
		}
		else if (from > 0) {
			int space = indexOfWhitespace(text, from, found.start(first));
			from = space < 0 ? from : space + 1;
		}
		int to = Math.min(text.length(), to(found, first, last));
		if (to < text.length()) {
			int space = lastIndexOfWhitespace(text, found.end(last - 1), to);
			to = space < 0 ? to : space;
		}
		while (from < found.start(first) && Character.isWhitespace(text.charAt(from))) {
			from++;
		}
		while (to > found.end(last - 1) && Character.isWhitespace(text.charAt(to - 1))) {
			to--;
		}
		int position = from;
		int begin = parts.size();
		for (int i = first; i < found.size && found.end(i) <= to; i++) {
			add(parts, text.substring(position, found.start(i)), false);
			add(parts, text.substring(found.start(i), found.end(i)), true);
			position = found.end(i);
		}
		add(parts, text.substring(position, to), false);
		// A fence at either end leaves the space around it once its backticks are gone.
		strip(parts, parts.size() - 1, String::stripTrailing);
		strip(parts, begin, String::stripLeading);
	}

	private static void strip(List<SnippetPart> parts, int at, UnaryOperator<String> strip) {
		SnippetPart part = parts.get(at);
		String stripped = strip.apply(part.text());
		if (stripped.isEmpty()) {
			parts.remove(at);
		}
		else if (stripped.length() < part.text().length()) {
			parts.set(at, new SnippetPart(stripped, part.match()));
		}
	}

	private static int indexOfWhitespace(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (Character.isWhitespace(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	private static int lastIndexOfWhitespace(String text, int from, int to) {
		for (int i = to; i > from; i--) {
			if (Character.isWhitespace(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	private static void add(List<SnippetPart> parts, String text, boolean match) {
		String shown = readable(text);
		if (!shown.isEmpty()) {
			parts.add(new SnippetPart(shown, match));
		}
	}

	/**
	 * The text as a listing shows it: runs of whitespace as one space, and Markdown's
	 * code punctuation (backticks, and a fence's language name) dropped, so a snippet
	 * reads as words. Each part is cleaned on its own, so the marks stay on the matched
	 * words. By hand, as a regular expression cost a tenth of a page's snippets.
	 */
	static String readable(String text) {
		StringBuilder out = new StringBuilder(text.length());
		boolean afterSpace = false;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '`') {
				i = afterBackticks(text, i);
				continue;
			}
			boolean space = Character.isWhitespace(c);
			if (!space || !afterSpace) {
				out.append(space ? ' ' : c);
			}
			afterSpace = space;
			i++;
		}
		return out.toString();
	}

	/**
	 * Where the text goes on after the run of backticks at {@code start}: past a fence's
	 * language name too ({@code ```swift} on a line of its own).
	 */
	private static int afterBackticks(String text, int start) {
		int end = start;
		while (end < text.length() && text.charAt(end) == '`') {
			end++;
		}
		if (end - start < 3) {
			return end;
		}
		int name = end;
		while (name < text.length() && !Character.isWhitespace(text.charAt(name)) && text.charAt(name) != '`') {
			name++;
		}
		return name == text.length() || text.charAt(name) == '\n' || text.charAt(name) == '\r' ? name : end;
	}

	/** One document's matches as (start, end, term) triples in one array. */
	private static final class Matches {

		private int[] triples = new int[24];

		private int size;

		void add(int start, int end, int term) {
			if (size * 3 == triples.length) {
				triples = Arrays.copyOf(triples, triples.length * 2);
			}
			triples[size * 3] = start;
			triples[size * 3 + 1] = end;
			triples[size * 3 + 2] = term;
			size++;
		}

		int start(int i) {
			return triples[i * 3];
		}

		int end(int i) {
			return triples[i * 3 + 1];
		}

		int term(int i) {
			return triples[i * 3 + 2];
		}

		/**
		 * In text order; a match that begins inside the previous one is dropped (a code
		 * and its parts share a position), and so is one past the text's end.
		 */
		void sortAndDropOverlaps(int textLength) {
			// By start, the longer first; the sort is stable, so equal matches keep the
			// order they were found in.
			Integer[] order = new Integer[size];
			for (int i = 0; i < size; i++) {
				order[i] = i;
			}
			Arrays.sort(order,
					Comparator.comparingInt((Integer i) -> start(i)).thenComparingInt(i -> start(i) - end(i)));
			int[] sorted = new int[Math.max(3, size * 3)];
			int kept = 0;
			int previousEnd = -1;
			for (int i : order) {
				int start = start(i);
				int end = end(i);
				if (start >= previousEnd && end <= textLength && start < end) {
					sorted[kept * 3] = start;
					sorted[kept * 3 + 1] = end;
					sorted[kept * 3 + 2] = term(i);
					kept++;
					previousEnd = end;
				}
			}
			triples = sorted;
			size = kept;
		}

	}

}
