package forumkb.index.analysis;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Keeps only tokens shaped like code ({@link SymbolSplitter#isSymbol}); plain English
 * belongs to the prose fields.
 */
final class SymbolShapeFilter extends FilteringTokenFilter {

	private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);

	private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

	SymbolShapeFilter(TokenStream in) {
		super(in);
	}

	@Override
	protected boolean accept() {
		return keywordAtt.isKeyword() || SymbolSplitter.isSymbol(termAtt.toString());
	}

}
