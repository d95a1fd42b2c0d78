package forumkb.index.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.Directory;

/**
 * The stored {@code id}s of the top ten documents a query finds, for the analysers'
 * tests.
 */
final class Hits {

	private Hits() {
	}

	static List<String> ids(Directory dir, Query query) throws IOException {
		try (DirectoryReader reader = DirectoryReader.open(dir)) {
			IndexSearcher searcher = new IndexSearcher(reader);
			return Stream.of(searcher.search(query, 10).scoreDocs).map(hit -> {
				try {
					return searcher.storedFields().document(hit.doc).get("id");
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}).toList();
		}
	}

}
