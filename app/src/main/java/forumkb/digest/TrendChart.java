package forumkb.digest;

import forumkb.digest.DigestContent.Trend;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The trending codes as a small PNG bar chart, drawn on the server (headless AWT) so the
 * mail carries it as an inline part and no mail client has to fetch remote content: per
 * code a grey bar for last week and a blue one for this week, with the counts.
 */
final class TrendChart {

	static final int WIDTH = 560;

	private static final int ROW = 38;

	private static final int TOP = 30;

	private static final int LABEL = 230;

	private static final Color LAST_WEEK = new Color(0xC7C7CC);

	private static final Color THIS_WEEK = new Color(0x0066CC);

	private static final Color TEXT = new Color(0x1D1D1F);

	private TrendChart() {
	}

	static byte[] png(List<Trend> trends) {
		int height = TOP + trends.size() * ROW + 10;
		BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, height);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
			legend(g);
			int max = trends.stream().mapToInt(trend -> Math.max(trend.thisWeek(), trend.lastWeek())).max().orElse(1);
			int room = WIDTH - LABEL - 50;
			for (int i = 0; i < trends.size(); i++) {
				Trend trend = trends.get(i);
				int y = TOP + i * ROW;
				g.setColor(TEXT);
				g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
				g.drawString(fit(g, trend.value(), LABEL - 12), 8, y + 19);
				g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
				bar(g, y + 4, trend.lastWeek() * room / max, LAST_WEEK, trend.lastWeek());
				bar(g, y + 18, trend.thisWeek() * room / max, THIS_WEEK, trend.thisWeek());
			}
			g.setColor(LAST_WEEK);
			g.setStroke(new BasicStroke(1));
			g.drawLine(LABEL, TOP - 2, LABEL, height - 8);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static void legend(Graphics2D g) {
		g.setColor(LAST_WEEK);
		g.fillRect(LABEL, 8, 12, 12);
		g.setColor(TEXT);
		g.drawString("last week", LABEL + 18, 19);
		g.setColor(THIS_WEEK);
		g.fillRect(LABEL + 100, 8, 12, 12);
		g.setColor(TEXT);
		g.drawString("this week (threads)", LABEL + 118, 19);
	}

	private static void bar(Graphics2D g, int y, int length, Color color, int count) {
		g.setColor(color);
		g.fillRect(LABEL + 1, y, Math.max(length, 1), 12);
		g.setColor(TEXT);
		g.drawString(Integer.toString(count), LABEL + Math.max(length, 1) + 6, y + 11);
	}

	/** The label, shortened with an ellipsis to fit the label column. */
	private static String fit(Graphics2D g, String text, int width) {
		FontMetrics metrics = g.getFontMetrics();
		if (metrics.stringWidth(text) <= width) {
			return text;
		}
		String shortened = text;
		while (shortened.length() > 1 && metrics.stringWidth(shortened + "…") > width) {
			shortened = shortened.substring(0, shortened.length() - 1);
		}
		return shortened + "…";
	}

}
