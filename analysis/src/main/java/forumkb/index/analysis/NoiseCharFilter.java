package forumkb.index.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.regex.Matcher;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Blanks {@link ForumText#NOISE} as Lucene's {@code PatternReplaceCharFilter} would, with
 * the same output and offset corrections, but tries the pattern only where
 * {@link ForumText#mayStartNoise} allows a match to begin instead of at every character.
 */
final class NoiseCharFilter extends BaseCharFilter {

	private Reader cleaned;

	NoiseCharFilter(Reader in) {
		super(in);
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		return cleaned().read(buffer, offset, length);
	}

	@Override
	public int read() throws IOException {
		return cleaned().read();
	}

	@Override
	protected int correct(int currentOff) {
		return Math.max(0, super.correct(currentOff));
	}

	private Reader cleaned() throws IOException {
		if (cleaned == null) {
			cleaned = new StringReader(blank(readAll()));
		}
		return cleaned;
	}

	private String readAll() throws IOException {
		StringBuilder text = new StringBuilder();
		char[] chunk = new char[4096];
		for (int read = input.read(chunk); read > 0; read = input.read(chunk)) {
			text.append(chunk, 0, read);
		}
		return text.toString();
	}

	/**
	 * Each match becomes one space. Matching at a candidate with transparent bounds sees
	 * the text around it exactly as a scan from the start would, so lookbehinds and word
	 * boundaries decide the same.
	 */
	private String blank(String text) {
		Matcher matcher = ForumText.NOISE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
		StringBuilder out = new StringBuilder(text.length());
		int removed = 0;
		int copied = 0;
		int at = 0;
		while (at < text.length()) {
			if (!ForumText.mayStartNoise(text, at) || !matcher.region(at, text.length()).lookingAt()) {
				at++;
				continue;
			}
			out.append(text, copied, at).append(' ');
			int length = matcher.end() - at;
			if (length > 1) {
				removed += length - 1;
				addOffCorrectMap(out.length(), removed);
			}
			copied = at = matcher.end();
		}
		return out.append(text, copied, text.length()).toString();
	}

}
