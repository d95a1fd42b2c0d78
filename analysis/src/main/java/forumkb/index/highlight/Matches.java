package forumkb.index.highlight;

import java.util.Arrays;
import java.util.Comparator;

/** One document's matches in a field as (start, end, term) triples in one array. */
public final class Matches {

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

	public int size() {
		return size;
	}

	public int start(int i) {
		return triples[i * 3];
	}

	public int end(int i) {
		return triples[i * 3 + 1];
	}

	/** Which of the terms asked for matched here, by its place in their list. */
	public int term(int i) {
		return triples[i * 3 + 2];
	}

	/**
	 * In text order; a match that begins inside the previous one is dropped (a code and
	 * its parts share a position), and so is an empty one.
	 */
	public void sortAndDropOverlaps() {
		// By start, the longer first; the sort is stable, so equal matches keep the
		// order they were found in.
		Integer[] order = new Integer[size];
		for (int i = 0; i < size; i++) {
			order[i] = i;
		}
		Arrays.sort(order, Comparator.comparingInt((Integer i) -> start(i)).thenComparingInt(i -> start(i) - end(i)));
		int[] sorted = new int[Math.max(3, size * 3)];
		int kept = 0;
		int previousEnd = -1;
		for (int i : order) {
			int start = start(i);
			int end = end(i);
			if (start >= previousEnd && start < end) {
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
