package forumkb.search;

import forumkb.index.IndexFields;
import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A gentle multiplier on the text score: answered threads and recent activity win ties,
 * but never outweigh a better match (at most +8%).
 */
final class TieBreakers extends DoubleValuesSource {

    private static final double ANSWERED = 0.04;
    private static final double RECENT = 0.04;
    private static final double YEAR_MILLIS = 365.25 * 24 * 3600 * 1000;

    private final long now;

    TieBreakers(long now) {
        this.now = now;
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
                value = 1.0;
                if (answered.advanceExact(doc) && answered.longValue() > 0) {
                    value += ANSWERED;
                }
                if (activity.advanceExact(doc)) {
                    double ageYears = Math.max(0, now - activity.longValue()) / YEAR_MILLIS;
                    value += RECENT / (1 + ageYears);
                }
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
