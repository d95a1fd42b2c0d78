package forumkb.index.highlight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * A snippet's matches and passages. Prose fields are indexed with offsets, so the matches
 * come from the postings: each term is looked up once per segment and advanced through
 * the documents in order. A passage is the window of text with the most distinct query
 * terms, rarer terms weighing more.
 *
 * <p>
 * Lucene's unified highlighter found the same matches document by document, opening fresh
 * postings for every term and document: on a page of ten it took longer than the search
 * itself and made most of the garbage a loaded server collected.
 */
public final class Passages {

	/**
	 * The highlighter type the OpenSearch plugin registers, and the options it reads from
	 * each highlighted field's {@code options}: the query's terms on that field, the
	 * whole index's count of documents holding each, the index's document count, and how
	 * many passages to pick. With the whole index's counts, every shard picks what one
	 * index picks.
	 */
	public static final String TYPE = "forumkb";

	public static final String TERMS = "terms";

	public static final String DOC_FREQS = "doc_freqs";

	public static final String DOCUMENTS = "documents";

	public static final String PASSAGES = "passages";

	/** Matches a passage's window may span, and the text shown before its first match. */
	private static final int WINDOW = 160;

	private static final int CONTEXT = 50;

	private static final int PASSAGE = 220;

	/**
	 * A common word in a long thread can match thousands of times; the first ones
	 * suffice.
	 */
	private static final int MAX_MATCHES = 1_000;

	private Passages() {
	}

	/**
	 * What weighs a term's matches: how many documents the whole index holds, and how
	 * many of them hold the term (by its place in the terms asked for).
	 */
	public interface Counts {

		int documents() throws IOException;

		int docFreq(int term) throws IOException;

	}

	/**
	 * Each term's weight, its inverse document frequency, read from the counts when a
	 * match of it is first weighed.
	 */
	public static final class Weights {

		private final Counts counts;

		private final float[] weights;

		public Weights(int terms, Counts counts) {
			this.counts = counts;
			this.weights = new float[terms];
		}

		float of(int term) throws IOException {
			if (weights[term] == 0) {
				int documents = Math.max(1, counts.documents());
				weights[term] = (float) Math.log(1 + (double) documents / (1 + counts.docFreq(term)));
			}
			return weights[term];
		}

	}

	/**
	 * For each of {@code docIds} (the reader's), its matches of {@code terms} in
	 * {@code field}, unsorted, or null when it holds none or the field has no offsets.
	 */
	public static Matches[] matches(IndexReader reader, String field, List<BytesRef> terms, int[] docIds)
			throws IOException {
		Matches[] matches = new Matches[docIds.length];
		Integer[] byDoc = new Integer[docIds.length];
		for (int i = 0; i < byDoc.length; i++) {
			byDoc[i] = i;
		}
		Arrays.sort(byDoc, Comparator.comparingInt(i -> docIds[i]));
		List<LeafReaderContext> leaves = reader.leaves();
		InOrder segment = null;
		for (int k = 0; k < byDoc.length; k++) {
			LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docIds[byDoc[k]], leaves));
			int doc = docIds[byDoc[k]] - leaf.docBase;
			if (segment == null || !segment.reads(leaf.reader(), doc)) {
				segment = new InOrder(leaf.reader(), field, terms);
			}
			matches[byDoc[k]] = segment.matches(doc);
		}
		return matches;
	}

	/**
	 * The matches of the terms in one segment's documents, read in increasing order: each
	 * term is looked up once, and its postings advance from one document to the next. The
	 * OpenSearch plugin keeps one through a page's hits, which the node fetches in that
	 * order.
	 */
	public static final class InOrder {

		private final LeafReader leaf;

		/** Each term's postings, null for a term the segment lacks. */
		private final PostingsEnum[] postings;

		private int last = -1;

		public InOrder(LeafReader leaf, String field, List<BytesRef> terms) throws IOException {
			this.leaf = leaf;
			this.postings = new PostingsEnum[terms.size()];
			Terms indexed = leaf.terms(field);
			if (indexed != null && indexed.hasOffsets()) {
				TermsEnum termsEnum = indexed.iterator();
				for (int term = 0; term < terms.size(); term++) {
					if (termsEnum.seekExact(terms.get(term))) {
						postings[term] = termsEnum.postings(null, PostingsEnum.OFFSETS);
					}
				}
			}
		}

		/**
		 * Whether {@code doc} of {@code leaf} can be read: past the last one read there.
		 */
		public boolean reads(LeafReader leaf, int doc) {
			return this.leaf == leaf && doc > last;
		}

		/** The document's matches, unsorted, or null when it holds none. */
		public Matches matches(int doc) throws IOException {
			if (!reads(leaf, doc)) {
				throw new IllegalArgumentException("document " + doc + " is not after " + last);
			}
			last = doc;
			Matches found = null;
			for (int term = 0; term < postings.length; term++) {
				PostingsEnum each = postings[term];
				if (each == null || (each.docID() < doc ? each.advance(doc) : each.docID()) != doc) {
					continue;
				}
				if (found == null) {
					found = new Matches();
				}
				for (int left = each.freq(); left > 0 && found.size() < MAX_MATCHES; left--) {
					each.nextPosition();
					if (each.startOffset() >= 0) {
						found.add(each.startOffset(), each.endOffset(), term);
					}
				}
			}
			return found;
		}

	}

	/**
	 * The best {@code count} passages of {@code found} (sorted, without overlaps), in
	 * text order: the windows of {@link #WINDOW} characters whose distinct terms weigh
	 * most, none sharing text with a better one.
	 */
	public static List<Passage> best(Matches found, Weights weights, int count) throws IOException {
		// Sliding window: the matches from start up to ends[start] fit in WINDOW
		// characters.
		float[] scores = new float[found.size()];
		int[] ends = new int[found.size()];
		int[] counts = new int[weights.weights.length];
		float score = 0;
		int end = 0;
		for (int start = 0; start < found.size(); start++) {
			while (end < found.size() && (end == start || found.end(end) <= found.start(start) + WINDOW)) {
				int term = found.term(end++);
				if (counts[term]++ == 0) {
					score += weights.of(term);
				}
			}
			scores[start] = score;
			ends[start] = end;
			int term = found.term(start);
			if (--counts[term] == 0) {
				score -= weights.of(term);
			}
		}
		List<int[]> chosen = new ArrayList<>(count);
		for (int p = 0; p < count; p++) {
			int best = -1;
			for (int start = 0; start < found.size(); start++) {
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
		List<Passage> passages = new ArrayList<>(chosen.size());
		for (int[] window : chosen) {
			passages.add(passage(found, window[0], window[1]));
		}
		return passages;
	}

	/**
	 * The passage of the window {@code [first, last)}: its matches and those after it
	 * that end within its longest extent.
	 */
	private static Passage passage(Matches found, int first, int last) {
		int to = to(found, first, last);
		int shown = last;
		while (shown < found.size() && found.end(shown) <= to) {
			shown++;
		}
		int[] offsets = new int[(shown - first) * 2];
		for (int i = first; i < shown; i++) {
			offsets[(i - first) * 2] = found.start(i);
			offsets[(i - first) * 2 + 1] = found.end(i);
		}
		return new Passage(offsets, last - first);
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

	private static int from(Matches found, int first) {
		return from(found.start(first));
	}

	private static int to(Matches found, int first, int last) {
		return to(found.start(first), found.end(last - 1));
	}

	/** Where a passage may start at most: some context before its first match. */
	static int from(int firstStart) {
		return Math.max(0, firstStart - CONTEXT);
	}

	/**
	 * Where a passage may end at most: past its window's last match, or its full length.
	 */
	static int to(int firstStart, int windowEnd) {
		return Math.max(windowEnd, from(firstStart) + PASSAGE);
	}

}
