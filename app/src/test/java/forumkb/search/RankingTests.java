package forumkb.search;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.extract.ErrorCatalog;
import forumkb.index.ChangePosition;
import forumkb.index.FieldAnalyzers;
import forumkb.index.IndexFields;
import forumkb.index.IndexedThread;
import forumkb.index.ThreadDocuments;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * What ranking weighs, on pairs of threads alike but for one thing; the thread that
 * should win is always indexed second, so that a tie (which goes to the first) fails the
 * test.
 */
class RankingTests {

	private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	private static final String FILLER = "the helper restarts and the log stays quiet after that";

	@Test
	void aWordInTheTitleCountsMoreThanInTheBody() throws IOException {
		assertThat(winner("zorpwidget", thread(1, "Helper stops", "zorpwidget " + FILLER, null, List.of()),
				thread(2, "Zorpwidget stops", "helper " + FILLER, null, List.of())))
			.isEqualTo(2);
	}

	@Test
	void aWordInTheAcceptedAnswerCountsMoreThanInTheQuestion() throws IOException {
		assertThat(winner("zorpwidget",
				thread(1, "Helper stops", "zorpwidget " + FILLER, "Reinstall the helper.", List.of()),
				thread(2, "Helper stops", "helper " + FILLER, "Reinstall the zorpwidget.", List.of())))
			.isEqualTo(2);
	}

	@Test
	void aMatchedErrorCountsMoreThanTheSameWordsInProse() throws IOException {
		String error = "Error Domain=NSCocoaErrorDomain Code=4097";
		assertThat(winner(error,
				thread(1, "Helper stops with NSCocoaErrorDomain 4097", error + " " + error + " " + error + " " + FILLER,
						null, List.of()),
				thread(2, "Helper stops", error + " " + FILLER, null,
						List.of(new IndexedThread.Entity("error", "NSCocoaErrorDomain:4097")))))
			.isEqualTo(2);
	}

	@Test
	void answeredAndRecentThreadsWinTies() throws IOException {
		IndexedThread old = thread(1, "Helper stops", FILLER, null, List.of(), NOW.minus(800, ChronoUnit.DAYS));
		IndexedThread answeredRecent = thread(2, "Helper stops", FILLER, "Reinstall it.", List.of(), NOW);
		try (ByteBuffersDirectory directory = index(old, answeredRecent);
				DirectoryReader reader = DirectoryReader.open(directory)) {
			ScoreDoc[] tied = { new ScoreDoc(0, 5f), new ScoreDoc(1, 5f) };
			ScoreDoc[] ranked = new TieBreakers(NOW.toEpochMilli()).rescore(new IndexSearcher(reader), tied, 2);
			assertThat(ranked[0].doc).isEqualTo(1);
			// Gentle: never more than 8 % on top of the text score.
			assertThat(ranked[0].score).isGreaterThan(5f).isLessThanOrEqualTo(5f * 1.08f);
		}
	}

	/** The id of the best match for {@code text} among the two threads. */
	private static long winner(String text, IndexedThread first, IndexedThread second) throws IOException {
		try (ByteBuffersDirectory directory = index(first, second);
				DirectoryReader reader = DirectoryReader.open(directory)) {
			IndexSearcher searcher = new IndexSearcher(reader);
			Query query = searcher
				.rewrite(new QueryBuilderService().build(new SearchQueryParser().parse(text)).query());
			ScoreDoc top = searcher.search(query, 1).scoreDocs[0];
			return Long.parseLong(searcher.storedFields().document(top.doc).get(IndexFields.ID));
		}
	}

	private static ByteBuffersDirectory index(IndexedThread... threads) throws IOException {
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		ThreadDocuments documents = new ThreadDocuments(ThreadDocuments.facetsConfig(), ErrorCatalog.load());
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(FieldAnalyzers.indexAnalyzer()))) {
			for (IndexedThread thread : threads) {
				writer.addDocument(documents.document(thread));
			}
		}
		return directory;
	}

	private static IndexedThread thread(long id, String title, String question, String answer,
			List<IndexedThread.Entity> entities) {
		return thread(id, title, question, answer, entities, NOW);
	}

	private static IndexedThread thread(long id, String title, String question, String answer,
			List<IndexedThread.Entity> entities, Instant activity) {
		return new IndexedThread(id, ChangePosition.START, "test", null, title, null, null, List.of(), activity,
				activity, null, null, false, question, answer, null, new ArrayList<>(entities));
	}

}
