package forumkb.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class ThreadIndexCodecTests {

	@Test
	void anIndexWrittenWithItReopensByNameAndReadsEveryThreadBack() throws IOException {
		String longBody = "NEFilterManager saveToPreferences never calls back. ".repeat(2_000);
		try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
			try (IndexWriter writer = new IndexWriter(directory,
					new IndexWriterConfig().setCodec(new ThreadIndexCodec()))) {
				for (int i = 0; i < 50; i++) {
					Document thread = new Document();
					thread.add(new StringField(IndexFields.ID, Integer.toString(i), Field.Store.YES));
					thread.add(new StoredField(IndexFields.BODY, i == 7 ? longBody : "Thread " + i));
					writer.addDocument(thread);
				}
				writer.forceMerge(1);
			}
			// A reader finds the codec by the name the segment records
			// (META-INF/services).
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				SegmentReader segment = (SegmentReader) reader.leaves().getFirst().reader();
				assertThat(segment.getSegmentInfo().info.getCodec().getName()).isEqualTo("ForumkbThreads");
				assertThat(reader.storedFields().document(7).get(IndexFields.BODY)).isEqualTo(longBody);
				assertThat(reader.storedFields().document(49).get(IndexFields.BODY)).isEqualTo("Thread 49");
			}
		}
	}

}
