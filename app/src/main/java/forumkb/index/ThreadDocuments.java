package forumkb.index;

import static forumkb.index.IndexFields.*;

import forumkb.extract.ErrorCatalog;
import forumkb.extract.MethodNames;
import forumkb.index.analysis.ForumAnalyzers;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;

/**
 * Turns a stored thread into its Lucene document: prose fields for BM25, a symbols field,
 * exact entity fields (codes expanded with their catalog aliases, so {@code -34018} and
 * {@code errSecMissingEntitlement} meet), facets, and the dates for filters and sorting.
 */
public final class ThreadDocuments {

	/**
	 * The fields' layout, recorded in each commit: an index written with another is
	 * rebuilt when the server starts. Change it whenever the documents' fields or their
	 * storage ({@link ThreadIndexCodec}) change.
	 */
	static final String LAYOUT = "4: listing fields stored";

	/** Prose stored with offsets, so the highlighter needs no re-analysis. */
	private static final FieldType STORED_TEXT = new FieldType(TextField.TYPE_STORED);

	/**
	 * Ranking needs term frequencies and lengths only; phrases and snippets use the
	 * stored fields.
	 */
	private static final FieldType RANKED_TEXT = new FieldType(TextField.TYPE_NOT_STORED);

	/**
	 * How many times the title and the accepted answer go into {@link IndexFields#TEXT},
	 * the body once. Repeating a field's text is BM25F with integer field weights: its
	 * terms count that many times and lengthen the document as much, so one term clause
	 * scores all three fields together. Three clauses per word (one a field) made ranking
	 * twice as slow.
	 */
	static final int TITLE_WEIGHT = 2;
	static final int ANSWER_WEIGHT = 2;

	static {
		STORED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		STORED_TEXT.freeze();
		RANKED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
		RANKED_TEXT.freeze();
	}

	private final FacetsConfig facets;

	private final ErrorCatalog catalog;

	public ThreadDocuments(FacetsConfig facets, ErrorCatalog catalog) {
		this.facets = facets;
		this.catalog = catalog;
	}

	public static FacetsConfig facetsConfig() {
		FacetsConfig config = new FacetsConfig();
		for (String dimension : new String[] { TAG, FRAMEWORK, API, ERROR, TOPIC, HAS, CODE }) {
			config.setMultiValued(dimension, true);
		}
		return config;
	}

	public Document document(IndexedThread thread) throws IOException {
		return facets.build(fields(thread));
	}

	/**
	 * The thread's fields before Lucene's facets encode theirs: the OpenSearch index
	 * reads its document from them, so both engines index the same values.
	 */
	public Document fields(IndexedThread thread) {
		Document doc = stored(thread);
		String title = doc.get(TITLE);
		String body = doc.get(BODY);
		for (int i = 0; i < TITLE_WEIGHT; i++) {
			doc.add(new Field(TEXT, title, RANKED_TEXT));
		}
		for (int i = 0; thread.acceptedAnswer() != null && i < ANSWER_WEIGHT; i++) {
			doc.add(new Field(TEXT, thread.acceptedAnswer(), RANKED_TEXT));
		}
		doc.add(new Field(TEXT, body, RANKED_TEXT));
		doc.add(new TextField(SYMBOLS, join(title, thread.question(), thread.acceptedAnswer(), thread.otherPosts()),
				Field.Store.NO));

		Set<String> seen = new LinkedHashSet<>();
		BiConsumer<String, String> exact = (field, value) -> addExact(doc, seen, field, value);
		for (IndexedThread.Entity entity : thread.entities()) {
			addEntity(doc, exact, entity);
		}
		thread.tags().forEach(tag -> exact.accept(TAG, tag));
		if (thread.topic() != null) {
			exact.accept(TOPIC, thread.topic());
		}
		if (thread.subtopic() != null) {
			exact.accept(TOPIC, thread.subtopic());
		}
		if (thread.answered()) {
			exact.accept(HAS, "answer");
			doc.add(new NumericDocValuesField(ANSWERED, 1));
		}
		if (thread.replies() != null && thread.replies() > 0) {
			exact.accept(HAS, "replies");
		}
		addDates(doc, thread);
		return doc;
	}

	/**
	 * The fields a hit shows, as the index stores them: the OpenSearch backend makes a
	 * thread it read back into them, without the indexed fields' work.
	 */
	public Document stored(IndexedThread thread) {
		Document doc = new Document();
		doc.add(new StringField(ID, Long.toString(thread.id()), Field.Store.YES));
		doc.add(new StoredField(SOURCE, thread.source()));
		if (thread.url() != null) {
			doc.add(new StoredField(URL, thread.url()));
		}
		if (thread.excerpt()) {
			doc.add(new StoredField(EXCERPT, 1));
		}
		doc.add(new Field(TITLE, thread.title() == null ? "" : thread.title(), STORED_TEXT));
		doc.add(new Field(BODY, join(thread.question(), thread.otherPosts()), STORED_TEXT));
		if (thread.acceptedAnswer() != null) {
			doc.add(new Field(ANSWER, thread.acceptedAnswer(), STORED_TEXT));
		}
		for (IndexedThread.Entity entity : thread.entities()) {
			doc.add(new StoredField(ENTITY_LIST, entity.kind() + "\t" + entity.value()));
		}
		if (thread.answered()) {
			doc.add(new StoredField(ANSWERED, 1));
		}
		if (thread.replies() != null) {
			doc.add(new StoredField(REPLIES, thread.replies()));
		}
		if (thread.views() != null) {
			doc.add(new StoredField(VIEWS, thread.views()));
		}
		Instant when = activity(thread);
		if (when != null) {
			doc.add(new StoredField(ACTIVITY, when.toEpochMilli()));
		}
		return doc;
	}

	private void addEntity(Document doc, BiConsumer<String, String> exact, IndexedThread.Entity entity) {
		String value = entity.value();
		switch (entity.kind()) {
			case "error" -> {
				exact.accept(ERROR, value);
				int colon = value.lastIndexOf(':');
				if (colon > 0) {
					exact.accept(DOMAIN, value.substring(0, colon));
					exact.accept(CODE, value.substring(colon + 1));
				}
				else {
					exact.accept(DOMAIN, value);
				}
				catalog.aliasesOf(value).forEach(alias -> exact.accept(CODE, alias));
			}
			case "code" -> {
				exact.accept(CODE, value);
				catalog.aliasesOf(value).forEach(alias -> exact.accept(CODE, alias));
			}
			case "api-type" -> {
				exact.accept(API, value);
				addFacet(doc, API, value);
			}
			case "c-function" -> exact.accept(API, value);
			case "api-method" -> {
				exact.accept(API, value);
				exact.accept(API, MethodNames.baseName(value));
			}
			case "framework" -> exact.accept(FRAMEWORK, value);
			case "entitlement" -> exact.accept(ENTITLEMENT, value);
			case "service" -> exact.accept(SERVICE, value);
			default -> {
				// Versions are shown as chips but are not search fields.
			}
		}
	}

	/**
	 * One keyword per distinct value, cut to a length the index takes; the facet keeps
	 * its original spelling.
	 */
	private static void addExact(Document doc, Set<String> seen, String field, String value) {
		if (value == null || value.isBlank()) {
			return;
		}
		String key = exact(value).toLowerCase(Locale.ROOT);
		if (!seen.add(field + "\u0000" + key)) {
			return;
		}
		doc.add(new StringField(field, key, Field.Store.NO));
		if (isFacet(field)) {
			addFacet(doc, field, value);
		}
	}

	private static void addFacet(Document doc, String dimension, String value) {
		doc.add(new SortedSetDocValuesFacetField(dimension, exact(value)));
	}

	private static String exact(String value) {
		return value.length() <= ForumAnalyzers.MAX_EXACT_CHARS ? value
				: value.substring(0, ForumAnalyzers.MAX_EXACT_CHARS);
	}

	private static boolean isFacet(String field) {
		return switch (field) {
			case TAG, FRAMEWORK, ERROR, TOPIC, HAS -> true;
			default -> false;
		};
	}

	private static Instant activity(IndexedThread thread) {
		return thread.lastActivityAt() != null ? thread.lastActivityAt() : thread.createdAt();
	}

	private static void addDates(Document doc, IndexedThread thread) {
		Instant when = activity(thread);
		if (when == null) {
			return;
		}
		long millis = when.toEpochMilli();
		doc.add(new LongPoint(ACTIVITY, millis));
		doc.add(new NumericDocValuesField(ACTIVITY, millis));
		ZonedDateTime utc = when.atZone(ZoneOffset.UTC);
		doc.add(new IntPoint(YEAR, utc.getYear()));
		doc.add(new SortedSetDocValuesFacetField(YEAR, Integer.toString(utc.getYear())));
		doc.add(new SortedSetDocValuesFacetField(MONTH, "%04d-%02d".formatted(utc.getYear(), utc.getMonthValue())));
	}

	private static String join(String... parts) {
		StringBuilder text = new StringBuilder();
		for (String part : parts) {
			if (part != null && !part.isBlank()) {
				text.append(part).append("\n\n");
			}
		}
		return text.toString();
	}

}
