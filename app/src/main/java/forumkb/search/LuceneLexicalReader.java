package forumkb.search;

import static forumkb.index.IndexFields.ID;

import forumkb.search.SearchResult.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;

/** Triage's reads of the node's own Lucene index, on one searcher. */
final class LuceneLexicalReader implements LexicalReader {

	private static final Set<String> ID_FIELD = Set.of(ID);

	private final IndexSearcher searcher;

	private final LuceneHits hits;

	LuceneLexicalReader(IndexSearcher searcher, LuceneHits hits) {
		this.searcher = searcher;
		this.hits = hits;
	}

	@Override
	public Query cut(Query query) {
		try {
			return searcher.rewrite(query);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public List<Scored> top(Query cut, int count) {
		try {
			List<Scored> top = new ArrayList<>();
			for (ScoreDoc doc : searcher.search(cut, count).scoreDocs) {
				top.add(new Scored(Long.parseLong(searcher.storedFields().document(doc.doc, ID_FIELD).get(ID)),
						doc.score));
			}
			return top;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public Set<Long> held(Collection<Long> threadIds) {
		Set<Long> held = new LinkedHashSet<>();
		for (long id : threadIds) {
			if (doc(id) >= 0) {
				held.add(id);
			}
		}
		return held;
	}

	@Override
	public List<Hit> hits(QueryBuilderService.Built built, Query cut, List<Scored> threads) {
		List<ScoreDoc> docs = new ArrayList<>();
		for (Scored thread : threads) {
			int doc = doc(thread.id());
			if (doc >= 0) {
				docs.add(new ScoreDoc(doc, thread.score()));
			}
		}
		try {
			return hits.hits(searcher, built, cut, docs.toArray(ScoreDoc[]::new));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The thread's document, or -1 when the index does not hold it. */
	private int doc(long threadId) {
		try {
			ScoreDoc[] found = searcher.search(new TermQuery(new Term(ID, Long.toString(threadId))), 1).scoreDocs;
			return found.length == 0 ? -1 : found[0].doc;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public long threads() {
		return searcher.getIndexReader().numDocs();
	}

	@Override
	public TermCounts counts(Collection<Term> terms) {
		IndexReader reader = searcher.getIndexReader();
		Map<Term, TermStatistics> statistics = new HashMap<>();
		Map<String, CollectionStatistics> fields = new HashMap<>();
		try {
			for (Term term : terms) {
				int docFreq = reader.docFreq(term);
				if (docFreq > 0) {
					statistics.put(term,
							new TermStatistics(term.bytes(), docFreq, Math.max(reader.totalTermFreq(term), docFreq)));
				}
				if (!fields.containsKey(term.field())) {
					CollectionStatistics field = searcher.collectionStatistics(term.field());
					if (field != null) {
						fields.put(term.field(), field);
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new TermCounts(statistics, fields);
	}

}
