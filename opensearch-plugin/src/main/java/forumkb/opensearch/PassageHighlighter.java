package forumkb.opensearch;

import forumkb.index.highlight.Matches;
import forumkb.index.highlight.Passage;
import forumkb.index.highlight.Passages;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.BytesRef;
import org.opensearch.core.common.text.Text;
import org.opensearch.index.mapper.MappedFieldType;
import org.opensearch.search.fetch.subphase.highlight.FieldHighlightContext;
import org.opensearch.search.fetch.subphase.highlight.HighlightField;
import org.opensearch.search.fetch.subphase.highlight.Highlighter;

/**
 * The {@value Passages#TYPE} highlighter: a hit's passages in a field indexed with
 * offsets, picked as forumkb's Lucene backend picks them ({@link Passages}), from the
 * matches of the terms the request names in this segment's postings, weighed by the
 * counts it passes. Each fragment is one passage as offsets ({@link Passage#encode()}),
 * never text with tags: forum text is untrusted, and the application cuts and escapes the
 * text it read itself. No source is read and nothing is analysed again.
 */
final class PassageHighlighter implements Highlighter {

	@Override
	public boolean canHighlight(MappedFieldType fieldType) {
		return true;
	}

	@Override
	public HighlightField highlight(FieldHighlightContext context) throws IOException {
		Map<String, Object> options = context.field.fieldOptions().options();
		List<BytesRef> terms = list(options, Passages.TERMS).stream()
			.map(term -> new BytesRef(String.valueOf(term)))
			.toList();
		List<?> docFreqs = list(options, Passages.DOC_FREQS);
		if (docFreqs.size() != terms.size()) {
			throw new IllegalArgumentException("highlighter [" + Passages.TYPE + "] needs one of [" + Passages.DOC_FREQS
					+ "] for each of [" + Passages.TERMS + "]");
		}
		int documents = number(options.get(Passages.DOCUMENTS), Passages.DOCUMENTS);
		int passages = number(options.get(Passages.PASSAGES), Passages.PASSAGES);
		Matches found = segment(context, terms).matches(context.hitContext.docId());
		if (found == null) {
			return null;
		}
		found.sortAndDropOverlaps();
		if (found.size() == 0) {
			return null;
		}
		List<Passage> chosen = Passages.best(found, new Passages.Weights(terms.size(), new Passages.Counts() {

			@Override
			public int documents() {
				return documents;
			}

			@Override
			public int docFreq(int term) {
				return number(docFreqs.get(term), Passages.DOC_FREQS);
			}

		}), passages);
		return new HighlightField(context.fieldName,
				chosen.stream().map(passage -> new Text(passage.encode())).toArray(Text[]::new));
	}

	/**
	 * The field's postings in the hit's segment, kept in the request's cache from one hit
	 * to the next: the node fetches a page's hits in document order, so each term is
	 * looked up once a segment, not once a hit.
	 */
	private static Passages.InOrder segment(FieldHighlightContext context, List<BytesRef> terms) throws IOException {
		String key = Passages.TYPE + ":" + context.fieldType.name();
		LeafReader reader = context.hitContext.reader();
		if (!(context.cache.get(key) instanceof Passages.InOrder segment)
				|| !segment.reads(reader, context.hitContext.docId())) {
			Passages.InOrder fresh = new Passages.InOrder(reader, context.fieldType.name(), terms);
			context.cache.put(key, fresh);
			return fresh;
		}
		return segment;
	}

	private static List<?> list(Map<String, Object> options, String name) {
		if (options == null || !(options.get(name) instanceof List<?> list)) {
			throw new IllegalArgumentException(
					"highlighter [" + Passages.TYPE + "] needs the list [" + name + "] in its options");
		}
		return list;
	}

	private static int number(Object value, String name) {
		if (!(value instanceof Number number) || number.intValue() < 0) {
			throw new IllegalArgumentException(
					"highlighter [" + Passages.TYPE + "] needs a count [" + name + "] in its options, not " + value);
		}
		return number.intValue();
	}

}
