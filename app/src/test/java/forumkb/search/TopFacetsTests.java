package forumkb.search;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.index.IndexFields;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class TopFacetsTests {

	@Test
	void matchesFromOneSegmentOfManyAreCountedUnderTheirOwnValues() throws IOException {
		FacetsConfig config = new FacetsConfig();
		config.setMultiValued(IndexFields.TAG, true);
		try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
			try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
				// Three segments whose tags sort differently within each, so local and
				// global ordinals differ.
				for (List<String> segment : List.of(List.of("Accessibility", "launchd"), List.of("Network"),
						List.of("Network Extension", "VPN"))) {
					for (String tag : segment) {
						Document doc = new Document();
						doc.add(new StringField("tag-value", tag, StringField.Store.NO));
						doc.add(new SortedSetDocValuesFacetField(IndexFields.TAG, tag));
						writer.addDocument(config.build(doc));
					}
					writer.commit();
				}
			}
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				assertThat(reader.leaves()).hasSize(3);
				IndexSearcher searcher = new IndexSearcher(reader);
				ScoreDoc[] matches = searcher.search(new TermQuery(new Term("tag-value", "Network Extension")),
						10).scoreDocs;
				LabelAndValue[] counted = TopFacets
					.count(new DefaultSortedSetDocValuesReaderState(reader, config), searcher, matches)
					.getTopChildren(10, IndexFields.TAG).labelValues;
				assertThat(Arrays.stream(counted).map(label -> label.label + "=" + label.value))
					.containsExactly("Network Extension=1");
			}
		}
	}

}
