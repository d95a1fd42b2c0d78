package forumkb.search;

import forumkb.index.IndexFields;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * A gentle multiplier on the text score: answered threads and recent activity win ties,
 * but never outweigh a better match (at most +8%).
 *
 * <p>
 * Applied as a rescoring of the top matches, not inside the query: a multiplier of
 * unknown maximum hides the query's score bounds, and without them Lucene cannot skip the
 * matches that cannot reach the top (block-max WAND) and scores every one.
 */
final class TieBreakers extends DoubleValuesSource {

	private static final double ANSWERED = 0.04;

	private static final double RECENT = 0.04;

	private static final double YEAR_MILLIS = 365.25 * 24 * 3600 * 1000;

	private final long now;

	TieBreakers(long now) {
		this.now = now;
	}

	/**
	 * The matches in score order with the first {@code howMany} multiplied and re-sorted.
	 * A match below them cannot overtake: its score is at most the lowest of them before
	 * the multiplier, which only raises scores.
	 */
	ScoreDoc[] rescore(IndexSearcher searcher, ScoreDoc[] ranked, int howMany) throws IOException {
		ScoreDoc[] top = Arrays.copyOf(ranked, Math.min(howMany, ranked.length));
		Arrays.sort(top, (a, b) -> Integer.compare(a.doc, b.doc));
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		int leafIndex = -1;
		DoubleValues values = null;
		for (int i = 0; i < top.length; i++) {
			int leaf = ReaderUtil.subIndex(top[i].doc, leaves);
			if (leaf != leafIndex) {
				leafIndex = leaf;
				values = getValues(leaves.get(leaf), null);
			}
			values.advanceExact(top[i].doc - leaves.get(leaf).docBase);
			top[i] = new ScoreDoc(top[i].doc, (float) (top[i].score * values.doubleValue()), top[i].shardIndex);
		}
		Arrays.sort(top,
				(a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
		ScoreDoc[] rescored = Arrays.copyOf(ranked, ranked.length);
		System.arraycopy(top, 0, rescored, 0, top.length);
		return rescored;
	}

	/**
	 * What a thread's score is multiplied by: whether it has an accepted answer, and its
	 * last activity (epoch milliseconds; null when unknown).
	 */
	double multiplier(boolean answered, Long activityMillis) {
		double value = 1.0;
		if (answered) {
			value += ANSWERED;
		}
		if (activityMillis != null) {
			double ageYears = Math.max(0, now - activityMillis) / YEAR_MILLIS;
			value += RECENT / (1 + ageYears);
		}
		return value;
	}

	@Override
	public DoubleValues getValues(LeafReaderContext context, DoubleValues scores) throws IOException {
		NumericDocValues activity = DocValues.getNumeric(context.reader(), IndexFields.ACTIVITY);
		NumericDocValues answered = DocValues.getNumeric(context.reader(), IndexFields.ANSWERED);
		return new DoubleValues() {
			private double value;

			@Override
			public double doubleValue() {
				return value;
			}

			@Override
			public boolean advanceExact(int doc) throws IOException {
				value = multiplier(answered.advanceExact(doc) && answered.longValue() > 0,
						activity.advanceExact(doc) ? activity.longValue() : null);
				return true;
			}
		};
	}

	@Override
	public boolean needsScores() {
		return false;
	}

	@Override
	public DoubleValuesSource rewrite(IndexSearcher searcher) {
		return this;
	}

	@Override
	public boolean isCacheable(LeafReaderContext context) {
		return false;
	}

	@Override
	public int hashCode() {
		return Objects.hash(now);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof TieBreakers that && that.now == now;
	}

	@Override
	public String toString() {
		return "tie-breakers(answered, recency)";
	}

}
