package forumkb.index.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;

/**
 * What the prose and symbol analyzers share: {@link ForumText} noise is blanked before
 * either tokenizes, and a wildcard or prefix term is only lower-cased (stemming or
 * splitting a fragment would change what it matches). Subclasses build their own chain
 * and are final.
 */
abstract class NoiseFreeAnalyzer extends Analyzer {

	@Override
	protected final Reader initReader(String fieldName, Reader reader) {
		return ForumText.withoutNoise(reader);
	}

	@Override
	protected final TokenStream normalize(String fieldName, TokenStream in) {
		return new LowerCaseFilter(in);
	}

}
