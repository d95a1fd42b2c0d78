package forumkb.bench;

import forumkb.ingest.parse.ParsedPost;
import forumkb.ingest.parse.ParsedThread;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/** The baseline: Lucene's StandardAnalyzer and BM25 over title + body, nothing else. */
final class PlainBm25 implements AutoCloseable {

	private final ByteBuffersDirectory directory = new ByteBuffersDirectory();

	private final StandardAnalyzer analyzer = new StandardAnalyzer();

	private DirectoryReader reader;

	PlainBm25(List<ParsedThread> threads) throws IOException {
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
			for (ParsedThread thread : threads) {
				Document doc = new Document();
				doc.add(new StringField("id", thread.externalId(), Field.Store.YES));
				StringBuilder text = new StringBuilder(thread.title() == null ? "" : thread.title());
				for (ParsedPost post : thread.posts()) {
					text.append('\n').append(post.body());
				}
				doc.add(new TextField("text", text.toString(), Field.Store.NO));
				writer.addDocument(doc);
			}
		}
		reader = DirectoryReader.open(directory);
	}

	List<String> search(String text, int top) {
		IndexSearcher.setMaxClauseCount(100_000);
		IndexSearcher searcher = new IndexSearcher(reader);
		try {
			QueryParser parser = new QueryParser("text", analyzer);
			List<String> ids = new ArrayList<>();
			for (ScoreDoc hit : searcher.search(parser.parse(QueryParser.escape(text)), top).scoreDocs) {
				ids.add(searcher.storedFields().document(hit.doc).get("id"));
			}
			return ids;
		}
		catch (ParseException e) {
			return List.of();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() throws IOException {
		reader.close();
		directory.close();
	}

}
