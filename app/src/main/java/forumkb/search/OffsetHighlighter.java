package forumkb.search;

import forumkb.index.IndexFields;
import forumkb.index.highlight.Matches;
import forumkb.index.highlight.Passage;
import forumkb.index.highlight.Passages;
import forumkb.search.SearchResult.SnippetPart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;

/**
 * Snippets for a page of hits, the query's terms marked: the passages ({@link Passages})
 * cut at words into plain parts (text, and whether it matched), never HTML: forum text is
 * untrusted, so the page escapes every part and marks the matches itself. The Lucene
 * backend picks the passages here from its own index; the OpenSearch backend has the node
 * pick them with the same code and cuts them here alike.
 */
final class OffsetHighlighter implements LuceneHits.Highlighter {

	private final IndexReader reader;

	OffsetHighlighter(IndexSearcher searcher) {
		this.reader = searcher.getIndexReader();
	}

	@Override
	public List<List<SnippetPart>> highlight(Query query, String field, int[] docIds, String[] texts, int passages)
			throws IOException {
		List<BytesRef> terms = terms(query, field);
		List<List<SnippetPart>> snippets = new ArrayList<>(docIds.length);
		Matches[] matches = terms.isEmpty() ? new Matches[docIds.length]
				: Passages.matches(reader, field, terms, docIds);
		Passages.Weights weights = new Passages.Weights(terms.size(), new Passages.Counts() {

			@Override
			public int documents() {
				return reader.numDocs();
			}

			@Override
			public int docFreq(int term) throws IOException {
				return reader.docFreq(new Term(field, terms.get(term)));
			}

		});
		for (int i = 0; i < docIds.length; i++) {
			Matches found = matches[i];
			if (found == null || texts[i] == null) {
				snippets.add(null);
				continue;
			}
			found.sortAndDropOverlaps();
			snippets.add(found.size() == 0 ? null : parts(texts[i], Passages.best(found, weights, passages)));
		}
		return snippets;
	}

	/**
	 * The distinct terms the query finds {@code field}'s words by: its phrases' words on
	 * the field itself, and the words ranked on {@link IndexFields#TEXT}, which holds the
	 * same words analysed alike.
	 */
	static List<BytesRef> terms(Query query, String field) {
		Set<Term> all = new LinkedHashSet<>();
		query.visit(QueryVisitor.termCollector(all));
		return all.stream()
			.filter(term -> term.field().equals(field) || term.field().equals(IndexFields.TEXT))
			.map(Term::bytes)
			.distinct()
			.toList();
	}

	/**
	 * The passages of {@code text}, in text order, as parts joined by an ellipsis; null
	 * when there are none. A passage past the text's end (read from an index of another
	 * text) is left out.
	 */
	static List<SnippetPart> parts(String text, List<Passage> passages) {
		List<SnippetPart> parts = new ArrayList<>();
		for (Passage passage : passages) {
			if (passage.end(passage.window() - 1) > text.length()) {
				continue;
			}
			if (!parts.isEmpty()) {
				parts.add(new SnippetPart(" … ", false));
			}
			passage(text, passage, parts);
		}
		return parts.isEmpty() ? null : parts;
	}

	/**
	 * The passage's matches with context before, cut at word boundaries, up to its
	 * longest extent.
	 */
	private static void passage(String text, Passage passage, List<SnippetPart> parts) {
		int firstStart = passage.start(0);
		int windowEnd = passage.end(passage.window() - 1);
		int from = passage.from();
		int lineStart = text.lastIndexOf('\n', firstStart - 1);
		if (lineStart >= from) {
			from = lineStart + 1;
		}
		else if (from > 0) {
			int space = indexOfWhitespace(text, from, firstStart);
			from = space < 0 ? from : space + 1;
		}
		int to = Math.min(text.length(), passage.to());
		if (to < text.length()) {
			int space = lastIndexOfWhitespace(text, windowEnd, to);
			to = space < 0 ? to : space;
		}
		while (from < firstStart && Character.isWhitespace(text.charAt(from))) {
			from++;
		}
		while (to > windowEnd && Character.isWhitespace(text.charAt(to - 1))) {
			to--;
		}
		int position = from;
		int begin = parts.size();
		for (int i = 0; i < passage.size() && passage.end(i) <= to; i++) {
			add(parts, text.substring(position, passage.start(i)), false);
			add(parts, text.substring(passage.start(i), passage.end(i)), true);
			position = passage.end(i);
		}
		add(parts, text.substring(position, to), false);
		// A fence at either end leaves the space around it once its backticks are gone.
		strip(parts, parts.size() - 1, String::stripTrailing);
		strip(parts, begin, String::stripLeading);
	}

	private static void strip(List<SnippetPart> parts, int at, UnaryOperator<String> strip) {
		SnippetPart part = parts.get(at);
		String stripped = strip.apply(part.text());
		if (stripped.isEmpty()) {
			parts.remove(at);
		}
		else if (stripped.length() < part.text().length()) {
			parts.set(at, new SnippetPart(stripped, part.match()));
		}
	}

	private static int indexOfWhitespace(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (Character.isWhitespace(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	private static int lastIndexOfWhitespace(String text, int from, int to) {
		for (int i = to; i > from; i--) {
			if (Character.isWhitespace(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	private static void add(List<SnippetPart> parts, String text, boolean match) {
		String shown = readable(text);
		if (!shown.isEmpty()) {
			parts.add(new SnippetPart(shown, match));
		}
	}

	/**
	 * The text as a listing shows it: runs of whitespace as one space, and Markdown's
	 * code punctuation (backticks, and a fence's language name) dropped, so a snippet
	 * reads as words. Each part is cleaned on its own, so the marks stay on the matched
	 * words. By hand, as a regular expression cost a tenth of a page's snippets.
	 */
	static String readable(String text) {
		StringBuilder out = new StringBuilder(text.length());
		boolean afterSpace = false;
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '`') {
				i = afterBackticks(text, i);
				continue;
			}
			boolean space = Character.isWhitespace(c);
			if (!space || !afterSpace) {
				out.append(space ? ' ' : c);
			}
			afterSpace = space;
			i++;
		}
		return out.toString();
	}

	/**
	 * Where the text goes on after the run of backticks at {@code start}: past a fence's
	 * language name too ({@code ```swift} on a line of its own).
	 */
	private static int afterBackticks(String text, int start) {
		int end = start;
		while (end < text.length() && text.charAt(end) == '`') {
			end++;
		}
		if (end - start < 3) {
			return end;
		}
		int name = end;
		while (name < text.length() && !Character.isWhitespace(text.charAt(name)) && text.charAt(name) != '`') {
			name++;
		}
		return name == text.length() || text.charAt(name) == '\n' || text.charAt(name) == '\r' ? name : end;
	}

}
