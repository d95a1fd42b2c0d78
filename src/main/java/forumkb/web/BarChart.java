package forumkb.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Bars for a small inline SVG: threads per month of a search, matches per week of a known
 * issue.
 */
public record BarChart(List<Bar> bars, long max, int width, int height) {

	public record Bar(String label, long count, int x, int y, int barWidth, int barHeight) {
	}

	/**
	 * One bar's input: its own type, so the pages that draw charts need not share a
	 * result type.
	 */
	public record Count(String label, long count) {
	}

	private static final int HEIGHT = 80;

	private static final int MAX_WIDTH = 720;

	public static BarChart of(List<Count> values) {
		long max = values.stream().mapToLong(Count::count).max().orElse(0);
		int barWidth = values.isEmpty() ? 0 : Math.max(3, Math.min(24, MAX_WIDTH / values.size()));
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			Count value = values.get(i);
			int height = max == 0 ? 0
					: (int) Math.max(value.count() == 0 ? 0 : 1, Math.round(HEIGHT * (double) value.count() / max));
			bars.add(new Bar(value.label(), value.count(), i * barWidth, HEIGHT - height, barWidth - 1, height));
		}
		return new BarChart(bars, max, Math.max(barWidth * values.size(), 1), HEIGHT);
	}
}
