package forumkb.search;

import forumkb.search.SearchResult.FacetValue;
import java.util.ArrayList;
import java.util.List;

/** Bars for "threads per month matching this query", sized for a small inline SVG. */
public record MonthChart(List<Bar> bars, long max, int width, int height) {

    public record Bar(String month, long count, int x, int y, int barWidth, int barHeight) {
    }

    private static final int HEIGHT = 80;
    private static final int MAX_WIDTH = 720;

    static MonthChart of(List<FacetValue> months) {
        long max = months.stream().mapToLong(FacetValue::count).max().orElse(0);
        int barWidth = months.isEmpty() ? 0 : Math.max(3, Math.min(24, MAX_WIDTH / months.size()));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            FacetValue month = months.get(i);
            int height = max == 0 ? 0 : (int) Math.max(1, Math.round(HEIGHT * (double) month.count() / max));
            bars.add(new Bar(month.value(), month.count(), i * barWidth, HEIGHT - height, barWidth - 1, height));
        }
        return new MonthChart(bars, max, Math.max(barWidth * months.size(), 1), HEIGHT);
    }
}
