package forumkb.index.highlight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import forumkb.index.analysis.ProseAnalyzer;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Matches read from postings with offsets and the passages they make, on every Lucene the
 * module runs on: the application's and the OpenSearch node's.
 */
class PassagesTests {

	private static final String FIELD = "body";

	/** Two matches too far apart to share a passage. */
	private static final String TEXT = "The tunnel drops. " + "Nothing else happens here. ".repeat(12)
			+ "The keychain answers.";

	private static final List<BytesRef> TERMS = List.of(new BytesRef("tunnel"), new BytesRef("keychain"));

	private static ByteBuffersDirectory directory;

	private static DirectoryReader reader;

	@BeforeAll
	static void index() throws IOException {
		directory = new ByteBuffersDirectory();
		// One segment each: the matches are read across segments.
		write(directory, true, "Nothing to see.", TEXT, "The tunnel again.");
		reader = DirectoryReader.open(directory);
	}

	private static void write(Directory directory, boolean segmentEach, String... texts) throws IOException {
		FieldType withOffsets = new FieldType(TextField.TYPE_STORED);
		withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new ProseAnalyzer()))) {
			for (String text : texts) {
				Document doc = new Document();
				doc.add(new Field(FIELD, text, withOffsets));
				writer.addDocument(doc);
				if (segmentEach) {
					writer.commit();
				}
			}
		}
	}

	@AfterAll
	static void close() throws IOException {
		reader.close();
		directory.close();
	}

	@Test
	void matchesAreEachDocumentsOwnInTheOrderAskedFor() throws IOException {
		Matches[] matches = Passages.matches(reader, FIELD, TERMS, new int[] { 2, 0, 1 });
		assertThat(matches[1]).isNull();
		assertThat(TEXT.substring(matches[2].start(0), matches[2].end(0))).isEqualTo("tunnel");
		assertThat(matches[2].size()).isEqualTo(2);
		assertThat(matches[0].size()).isEqualTo(1);
		assertThat(matches[0].start(0)).isEqualTo(4);
	}

	/**
	 * One segment read document by document in order, as the OpenSearch plugin reads a
	 * page's hits with each term looked up once: each document's own matches, and no
	 * going back to one before the last read.
	 */
	@Test
	void aSegmentIsReadForwardOneDocumentAtATime() throws IOException {
		try (ByteBuffersDirectory one = new ByteBuffersDirectory()) {
			write(one, false, "The tunnel here.", "Nothing to see.", TEXT, "keychain, keychain and a tunnel");
			try (DirectoryReader segment = DirectoryReader.open(one)) {
				LeafReader leaf = segment.leaves().getFirst().reader();
				Passages.InOrder inOrder = new Passages.InOrder(leaf, FIELD, TERMS);
				assertThat(inOrder.matches(1)).isNull();
				Matches third = inOrder.matches(2);
				assertThat(third.size()).isEqualTo(2);
				assertThat(TEXT.substring(third.start(1), third.end(1))).isEqualTo("keychain");
				Matches fourth = inOrder.matches(3);
				assertThat(fourth.size()).isEqualTo(3);
				assertThat(inOrder.reads(leaf, 0)).isFalse();
				assertThatThrownBy(() -> inOrder.matches(0)).isInstanceOf(IllegalArgumentException.class);
				assertThat(new Passages.InOrder(leaf, FIELD, TERMS).matches(0).size()).isEqualTo(1);
			}
		}
	}

	@Test
	void theRarerTermsPassageIsPicked() throws IOException {
		assertThat(onePassage(1_000, 3)).as("keychain rarer").isEqualTo("keychain");
		assertThat(onePassage(3, 1_000)).as("tunnel rarer").isEqualTo("tunnel");
	}

	@Test
	void passagesComeInTextOrderAsPlainOffsets() throws IOException {
		Matches found = Passages.matches(reader, FIELD, TERMS, new int[] { 1 })[0];
		found.sortAndDropOverlaps();
		List<Passage> passages = Passages.best(found, weights(1_000, 3), 2);
		assertThat(passages).extracting(passage -> TEXT.substring(passage.start(0), passage.end(0)))
			.containsExactly("tunnel", "keychain");
		for (Passage passage : passages) {
			assertThat(passage.encode()).matches("\\d+:\\d+-\\d+(,\\d+-\\d+)*");
			assertThat(Passage.decode(passage.encode())).isEqualTo(passage);
		}
		assertThat(passages.getFirst().from()).isZero();
		assertThat(passages.getFirst().to()).isEqualTo(220);
	}

	@Test
	void aFragmentThatIsNoPassageIsRefused() {
		for (String fragment : List.of("", "<b>tunnel</b>", "1:", "2:4-10", "1:4")) {
			assertThatThrownBy(() -> Passage.decode(fragment)).as(fragment)
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

	private static String onePassage(int tunnelDocs, int keychainDocs) throws IOException {
		Matches found = Passages.matches(reader, FIELD, TERMS, new int[] { 1 })[0];
		found.sortAndDropOverlaps();
		List<Passage> passages = Passages.best(found, weights(tunnelDocs, keychainDocs), 1);
		assertThat(passages).hasSize(1);
		return TEXT.substring(passages.getFirst().start(0), passages.getFirst().end(0));
	}

	private static Passages.Weights weights(int... docFreqs) {
		return new Passages.Weights(docFreqs.length, new Passages.Counts() {

			@Override
			public int documents() {
				return 10_000;
			}

			@Override
			public int docFreq(int term) {
				return docFreqs[term];
			}

		});
	}

}
