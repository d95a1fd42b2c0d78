package forumkb.index.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;

/**
 * The token stream of a text, read the way IndexWriter reads it (reset, increment, end,
 * close); lucene-test-framework's BaseTokenStreamTestCase is not published for 10.6.0, so
 * this stands in.
 */
record Tokens(List<String> terms, List<Integer> positions, List<String> offsets) {

	static Tokens of(Analyzer analyzer, String text) {
		return of(analyzer, "body", text);
	}

	/** Through a per-field wrapper, the field picks the analyzer. */
	static Tokens of(Analyzer analyzer, String field, String text) {
		List<String> terms = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		List<String> offsets = new ArrayList<>();
		try (TokenStream ts = analyzer.tokenStream(field, text)) {
			CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
			PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
			OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
			ts.reset();
			int position = -1;
			while (ts.incrementToken()) {
				position += posInc.getPositionIncrement();
				terms.add(term.toString());
				positions.add(position);
				offsets.add(offset.startOffset() + "-" + offset.endOffset());
			}
			ts.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new Tokens(terms, positions, offsets);
	}

	static List<String> terms(Analyzer analyzer, String text) {
		return of(analyzer, text).terms();
	}

	/** All a char filter gives, read in small chunks as a tokenizer would. */
	static String readAll(CharFilter filter) throws IOException {
		StringBuilder out = new StringBuilder();
		char[] chunk = new char[7];
		for (int read = filter.read(chunk); read > 0; read = filter.read(chunk)) {
			out.append(chunk, 0, read);
		}
		return out.toString();
	}

	/** "term@position" for each token: a readable way to assert stacking. */
	List<String> placed() {
		List<String> out = new ArrayList<>(terms.size());
		for (int i = 0; i < terms.size(); i++) {
			out.add(terms.get(i) + "@" + positions.get(i));
		}
		return out;
	}

	/**
	 * "term@position start-end" for each token: what another host of the analysers must
	 * reproduce.
	 */
	List<String> placedWithOffsets() {
		List<String> placed = placed();
		List<String> out = new ArrayList<>(placed.size());
		for (int i = 0; i < placed.size(); i++) {
			out.add(placed.get(i) + " " + offsets.get(i));
		}
		return out;
	}

	/** The ids of a query's top 10 documents in an index, best first. */
	static List<String> hits(Directory dir, Query query) throws IOException {
		try (DirectoryReader reader = DirectoryReader.open(dir)) {
			IndexSearcher searcher = new IndexSearcher(reader);
			ScoreDoc[] docs = searcher.search(query, 10).scoreDocs;
			return Stream.of(docs).map(d -> {
				try {
					return searcher.storedFields().document(d.doc).get("id");
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}).toList();
		}
	}

}
