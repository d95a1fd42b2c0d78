package forumkb.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Bars for a small inline SVG: threads per month of a search, matches per week of a known
 * issue. The plot sits inside margins for its axes: the count scale on the left, the
 * first, middle and last label under the bars, each bar's count above it.
 */
public record BarChart(List<Bar> bars, List<Tick> ticks, long max, int width, int height, int plotLeft, int plotTop,
		int baseline) {

	/** A bar, and where its count is written: centred over it. */
	public record Bar(String label, long count, int x, int y, int barWidth, int barHeight, int centre) {
	}

	/** A label under the axis, centred on its bar. */
	public record Tick(String label, int x) {
	}

	/**
	 * One bar's input: its own type, so the pages that draw charts need not share a
	 * result type.
	 */
	public record Count(String label, long count) {
	}

	private static final int PLOT_HEIGHT = 80;

	private static final int MAX_PLOT_WIDTH = 720;

	/** Room for the scale's numbers on the left. */
	private static final int LEFT = 32;

	/** Room for the counts over the tallest bar. */
	private static final int TOP = 12;

	/** Room for the labels under the axis. */
	private static final int BOTTOM = 16;

	/** Room for half of the last label past the last bar. */
	private static final int RIGHT = 28;

	public static BarChart of(List<Count> values) {
		long max = values.stream().mapToLong(Count::count).max().orElse(0);
		int barWidth = values.isEmpty() ? 0 : Math.max(3, Math.min(24, MAX_PLOT_WIDTH / values.size()));
		int baseline = TOP + PLOT_HEIGHT;
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			Count value = values.get(i);
			int height = max == 0 ? 0 : (int) Math.max(value.count() == 0 ? 0 : 1,
					Math.round(PLOT_HEIGHT * (double) value.count() / max));
			int x = LEFT + i * barWidth;
			bars.add(new Bar(value.label(), value.count(), x, baseline - height, barWidth - 1, height,
					x + barWidth / 2));
		}
		List<Tick> ticks = new ArrayList<>();
		for (int i : bars.isEmpty() ? new int[0] : new int[] { 0, (bars.size() - 1) / 2, bars.size() - 1 }) {
			if (ticks.isEmpty() || ticks.getLast().x() != bars.get(i).centre()) {
				ticks.add(new Tick(bars.get(i).label(), bars.get(i).centre()));
			}
		}
		return new BarChart(bars, ticks, max, LEFT + barWidth * values.size() + RIGHT, baseline + BOTTOM, LEFT, TOP,
				baseline);
	}
}
