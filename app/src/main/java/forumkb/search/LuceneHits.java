package forumkb.search;

import static forumkb.index.IndexFields.*;

import forumkb.extract.ErrorCatalog;
import forumkb.search.SearchResult.Chip;
import forumkb.search.SearchResult.Hit;
import forumkb.search.SearchResult.SnippetPart;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.springframework.stereotype.Component;

/**
 * A page of Lucene matches as hits: stored fields, snippets and matched entities. The
 * Lucene search backend and triage (for threads and for known issues, which share the
 * fields) build their hits here.
 */
@Component
public class LuceneHits {

	/**
	 * What a hit shows; the accepted answer is read only when the body has no match to
	 * show.
	 */
	private static final Set<String> HIT_FIELDS = Set.of(ID, TITLE, URL, EXCERPT, BODY, ENTITY_LIST, ACTIVITY, REPLIES,
			VIEWS, ANSWERED);

	private static final Set<String> ANSWER_FIELD = Set.of(ANSWER);

	/** Passages shown of a body that matched, and of an accepted answer otherwise. */
	static final int BODY_PASSAGES = 2;

	static final int ANSWER_PASSAGES = 1;

	private final EntityChips entityChips = new EntityChips(ErrorCatalog.load());

	/**
	 * The hits for {@code docs}, with snippets and matched entities; {@code query} is the
	 * rewritten one, so the words it dropped are not marked.
	 */
	public List<Hit> hits(IndexSearcher searcher, QueryBuilderService.Built built, Query query, ScoreDoc[] docs)
			throws IOException {
		if (docs.length == 0) {
			return List.of();
		}
		Document[] documents = new Document[docs.length];
		StoredFields stored = searcher.storedFields();
		for (int i = 0; i < docs.length; i++) {
			documents[i] = stored.document(docs[i].doc, HIT_FIELDS);
		}
		return hits(built, query, new Page(docs, documents, doc -> stored.document(doc, ANSWER_FIELD).get(ANSWER),
				new OffsetHighlighter(searcher), new TypedIdentifiers(searcher, built.identifiers()).missing(docs)));
	}

	/**
	 * A page of matches as its hits read them: each one's document in the index the
	 * highlighter reads, with its score; their stored fields (those of
	 * {@link #HIT_FIELDS}, at least); how to read one's accepted answer; and the
	 * identifiers typed in the search each one lacks.
	 */
	record Page(ScoreDoc[] docs, Document[] documents, Answers answers, Highlighter highlighter,
			List<List<String>> missing) {
	}

	/** What marks the query's terms in a page's texts. */
	@FunctionalInterface
	interface Highlighter {

		/**
		 * For each of {@code docIds}, the snippet of {@code texts[i]} (the document's
		 * value of {@code field}) with at most {@code passages} passages, or null when no
		 * term of the query occurs in it.
		 */
		List<List<SnippetPart>> highlight(Query query, String field, int[] docIds, String[] texts, int passages)
				throws IOException;

	}

	/** Reads a document's accepted answer, only for those whose body did not match. */
	@FunctionalInterface
	interface Answers {

		String answer(int doc) throws IOException;

	}

	/** The page's hits, in its order. */
	List<Hit> hits(QueryBuilderService.Built built, Query query, Page page) throws IOException {
		ScoreDoc[] docs = page.docs();
		int[] ids = new int[docs.length];
		for (int i = 0; i < docs.length; i++) {
			ids[i] = docs[i].doc;
		}
		Highlighter highlighter = page.highlighter();
		List<List<SnippetPart>> bodies = highlighter.highlight(query, BODY, ids, values(page.documents(), BODY),
				BODY_PASSAGES);
		List<List<SnippetPart>> answers = answerSnippets(highlighter, page.answers(), query, ids, bodies);
		Set<String> matchedValues = matchedValues(built);
		List<Hit> hits = new ArrayList<>(docs.length);
		for (int i = 0; i < docs.length; i++) {
			Document doc = page.documents()[i];
			List<SnippetPart> parts = snippet(bodies.get(i), answers.get(i), doc);
			List<Chip> all = chips(doc);
			List<Chip> entities = EntityChips.shown(all);
			List<Chip> matched = all.stream()
				.filter(chip -> matchedValues.contains(chip.value().toLowerCase(Locale.ROOT)))
				.toList();
			List<String> missing = page.missing().get(i);
			hits.add(new Hit(Long.parseLong(doc.get(ID)), doc.get(TITLE), doc.get(URL), doc.get(EXCERPT) != null,
					docs[i].score, SnippetText.text(parts, true), parts, entities, matched,
					instant(doc.getField(ACTIVITY)), integer(doc.getField(REPLIES)), integer(doc.getField(VIEWS)),
					doc.getField(ANSWERED) != null, missing.isEmpty(), List.copyOf(missing)));
		}
		return hits;
	}

	/**
	 * The accepted answer's snippet of each hit whose body the query did not match, null
	 * for the others: only those read and highlight their answer.
	 */
	private static List<List<SnippetPart>> answerSnippets(Highlighter highlighter, Answers stored, Query query,
			int[] ids, List<List<SnippetPart>> bodies) throws IOException {
		List<Integer> missed = new ArrayList<>();
		for (int i = 0; i < ids.length; i++) {
			if (bodies.get(i) == null) {
				missed.add(i);
			}
		}
		List<List<SnippetPart>> answers = new ArrayList<>(Collections.nCopies(ids.length, null));
		if (missed.isEmpty()) {
			return answers;
		}
		int[] missedIds = new int[missed.size()];
		String[] texts = new String[missed.size()];
		for (int k = 0; k < missedIds.length; k++) {
			missedIds[k] = ids[missed.get(k)];
			texts[k] = stored.answer(missedIds[k]);
		}
		List<List<SnippetPart>> found = highlighter.highlight(query, ANSWER, missedIds, texts, ANSWER_PASSAGES);
		for (int k = 0; k < missedIds.length; k++) {
			answers.set(missed.get(k), found.get(k));
		}
		return answers;
	}

	private static Instant instant(IndexableField millis) {
		return millis == null ? null : Instant.ofEpochMilli(millis.numericValue().longValue());
	}

	private static Integer integer(IndexableField number) {
		return number == null ? null : number.numericValue().intValue();
	}

	private static String[] values(Document[] documents, String field) {
		String[] values = new String[documents.length];
		for (int i = 0; i < documents.length; i++) {
			values[i] = documents[i].get(field);
		}
		return values;
	}

	/**
	 * The body's passages where the query matched, else the answer's, else the body's
	 * start.
	 */
	private static List<SnippetPart> snippet(List<SnippetPart> body, List<SnippetPart> answer, Document doc) {
		if (body != null) {
			return body;
		}
		if (answer != null) {
			return answer;
		}
		String text = doc.get(BODY) == null ? "" : doc.get(BODY).strip();
		String start = OffsetHighlighter.readable(text.substring(0, Math.min(text.length(), 480)));
		return List.of(new SnippetPart(start.length() > 240 ? start.substring(0, 240) + "…" : start, false));
	}

	/**
	 * The thread's distinct entities, catalogued codes with the meaning its domains agree
	 * with.
	 */
	private List<Chip> chips(Document doc) {
		Map<String, Chip> chips = new LinkedHashMap<>();
		for (IndexableField field : doc.getFields(ENTITY_LIST)) {
			String[] kindAndValue = field.stringValue().split("\t", 2);
			if (kindAndValue.length == 2) {
				chips.putIfAbsent(kindAndValue[0] + kindAndValue[1], new Chip(kindAndValue[0], kindAndValue[1], null));
			}
		}
		return entityChips.withMeanings(List.copyOf(chips.values()));
	}

	/**
	 * The entity values the query matched on, lower-cased: its {@code field:value} terms
	 * without the field.
	 */
	private static Set<String> matchedValues(QueryBuilderService.Built built) {
		Set<String> values = new HashSet<>();
		for (Map.Entry<String, String> term : built.entityTerms().entrySet()) {
			values.add(term.getKey().substring(term.getValue().length() + 1));
		}
		return values;
	}

}
