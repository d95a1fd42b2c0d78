package forumkb.index.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;

/**
 * The whole value as one lower-cased token, so {@code tag:XPC} and {@code tag:xpc} meet,
 * cut where the index cuts exact values ({@link ForumAnalyzers#MAX_EXACT_CHARS}).
 */
public final class ExactAnalyzer extends Analyzer {

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		Tokenizer source = new KeywordTokenizer();
		return new TokenStreamComponents(source,
				new TruncateTokenFilter(new LowerCaseFilter(source), ForumAnalyzers.MAX_EXACT_CHARS));
	}

	@Override
	protected TokenStream normalize(String fieldName, TokenStream in) {
		return new LowerCaseFilter(in);
	}

}
