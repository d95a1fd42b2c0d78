package forumkb.index.analysis;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Replaces a symbol by its {@link SymbolSplitter} pieces. Word parts take consecutive
 * positions, so the phrase "filter manager" matches {@code NEFilterManager}; the symbol
 * and each identifier are stacked (increment 0) on the position of their first part.
 * Offsets are the piece's own characters, so a highlighter marks just {@code Manager}.
 * Keyword tokens pass unsplit.
 */
final class SymbolPartsFilter extends TokenFilter {

	private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

	private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);

	private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);

	private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

	private List<SymbolSplitter.Piece> pending = List.of();

	private int next;

	private int tokenStart;

	private int lastPosition;

	SymbolPartsFilter(TokenStream in) {
		super(in);
	}

	@Override
	public boolean incrementToken() throws IOException {
		if (next < pending.size()) {
			SymbolSplitter.Piece piece = pending.get(next++);
			termAtt.setEmpty().append(piece.text());
			offsetAtt.setOffset(tokenStart + piece.start(), tokenStart + piece.end());
			posIncAtt.setPositionIncrement(piece.position() - lastPosition);
			lastPosition = piece.position();
			return true; // the other attributes are still the symbol's
		}
		if (!input.incrementToken()) {
			return false;
		}
		if (keywordAtt.isKeyword()) {
			pending = List.of();
			return true;
		}
		pending = SymbolSplitter.pieces(termAtt.toString());
		tokenStart = offsetAtt.startOffset();
		next = 1;
		lastPosition = 0;
		SymbolSplitter.Piece whole = pending.getFirst(); // the symbol itself, at the
															// token's own increment
		termAtt.setEmpty().append(whole.text());
		offsetAtt.setOffset(tokenStart + whole.start(), tokenStart + whole.end());
		return true;
	}

	@Override
	public void reset() throws IOException {
		super.reset();
		pending = List.of();
		next = 0;
		tokenStart = 0;
		lastPosition = 0;
	}

}
