package forumkb.search;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.extract.ErrorCatalog;
import forumkb.index.ChangePosition;
import forumkb.index.FieldAnalyzers;
import forumkb.index.IndexFields;
import forumkb.index.IndexedThread;
import forumkb.index.ThreadDocuments;
import forumkb.index.highlight.Passage;
import forumkb.search.SearchResult.SnippetPart;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Snippets from the postings' offsets, on forum text indexed as the live index does it.
 */
class OffsetHighlighterTests {

	private static final String XPC = """
			My app talks to a helper over NSXPCConnection. Since macOS 15 every reply fails.
			The console shows:
			Error Domain=NSCocoaErrorDomain Code=4097 "connection to service named com.example.helper" \
			UserInfo={NSDebugDescription=connection to service named com.example.helper}
			I have checked the Mach service name in launchd.plist and the entitlements, and the helper \
			is running. Restarting the Mac does not help either, nothing in the logs besides that line.
			Later in the day the same code worked again without any change on my side, which is odd.
			""";

	private static final String FILTER = """
			Calling saveToPreferences on NEFilterManager never returns: the completion handler is not called \
			and nothing is logged.
			""";

	/**
	 * Pasted logs come with runs of blank lines and indentation; a passage must not end
	 * in them.
	 */
	private static final String SPACED = "wibble" + " \n".repeat(150) + "end of log";

	private static final String MARKDOWN = """
			Saving fails with `NSPersistentStoreSaveConflictsError` when I call:
			```swift
			try context.save()
			```
			""";

	private static ByteBuffersDirectory directory;

	private static DirectoryReader reader;

	private static IndexSearcher searcher;

	private final QueryBuilderService queries = new QueryBuilderService();

	@BeforeAll
	static void index() throws IOException {
		directory = new ByteBuffersDirectory();
		ThreadDocuments documents = new ThreadDocuments(ThreadDocuments.facetsConfig(), ErrorCatalog.load());
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(FieldAnalyzers.indexAnalyzer()))) {
			writer.addDocument(documents.document(thread(1, "XPC reply fails with 4097", XPC,
					"Add the helper's class to the interface's allowed classes.")));
			writer.addDocument(documents.document(thread(2, "Filter manager save hangs", FILTER, null)));
			writer.addDocument(documents.document(thread(40, "Spaced log", SPACED, null)));
			writer.addDocument(documents.document(thread(41, "Save conflicts", MARKDOWN, null)));
			for (int i = 3; i < 40; i++) {
				writer.addDocument(
						documents.document(thread(i, "Unrelated " + i, "The app crashes on launch " + i, null)));
			}
		}
		reader = DirectoryReader.open(directory);
		searcher = new IndexSearcher(reader);
	}

	@AfterAll
	static void close() throws IOException {
		reader.close();
		directory.close();
	}

	private static IndexedThread thread(long id, String title, String question, String answer) {
		return new IndexedThread(id, ChangePosition.START, "test", null, title, null, null, List.of(), null, null, null,
				null, false, question, answer, null, List.of());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			NSCocoaErrorDomain Code=4097                  | 1 | NSCocoaErrorDomain,4097
			connection to service named                   | 1 | connection,service,named
			"Mach service name"                           | 1 | Mach,service,name
			NEFilterManager saveToPreferences never returns | 2 | saveToPreferences,NEFilterManager,never,returns
			""")
	void marksTheQueryTermsWhereTheyOccur(String query, long thread, String words) throws IOException {
		List<SnippetPart> snippet = snippet(query, thread);
		Map<Boolean, List<String>> parts = snippet.stream()
			.collect(Collectors.partitioningBy(SnippetPart::match,
					Collectors.mapping(SnippetPart::text, Collectors.toList())));
		assertThat(parts.get(true)).containsAll(List.of(words.split(",")));
		String text = snippet.stream().map(SnippetPart::text).collect(Collectors.joining());
		assertThat(text).doesNotContain("\n").doesNotContain("  ");
	}

	@Test
	void passagesAreShortAndCutAtWords() throws IOException {
		String text = snippet("helper restarting odd", 1).stream().map(SnippetPart::text).collect(Collectors.joining());
		// Two passages at most, each a window around its matches, joined by an ellipsis.
		assertThat(text.split(" … ", -1)).hasSizeBetween(1, 2).allSatisfy(passage -> {
			assertThat(passage.length()).isLessThan(300);
			assertThat(passage).doesNotStartWith(" ").doesNotEndWith(" ");
			assertThat(XPC.replaceAll("\\s+", " ")).contains(passage.strip());
		});
	}

	@Test
	void theAnswerIsHighlightedOnItsOwnWithEveryFormOfAWord() throws IOException {
		Query query = searcher
			.rewrite(queries.build(new SearchQuery("allowed classes", List.of(), Map.of(), null, null)).query());
		int doc = docOf(1);
		List<List<SnippetPart>> bodies = new OffsetHighlighter(searcher).highlight(query, IndexFields.BODY,
				new int[] { doc }, new String[] { XPC }, 2);
		List<List<SnippetPart>> answers = new OffsetHighlighter(searcher).highlight(query, IndexFields.ANSWER,
				new int[] { doc }, new String[] { "Add the helper's class to the interface's allowed classes." }, 1);
		assertThat(bodies.getFirst()).isNull();
		assertThat(answers.getFirst()).filteredOn(SnippetPart::match)
			.extracting(SnippetPart::text)
			.containsExactly("class", "allowed", "classes");
	}

	@Test
	void aPassageEndsAtItsLastWordNotInBlankSpace() throws IOException {
		Query query = searcher
			.rewrite(queries.build(new SearchQuery("wibble", List.of(), Map.of(), null, null)).query());
		List<SnippetPart> snippet = new OffsetHighlighter(searcher)
			.highlight(query, IndexFields.BODY, new int[] { docOf(40) }, new String[] { SPACED }, 2)
			.getFirst();
		assertThat(snippet).containsExactly(new SnippetPart("wibble", true));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
			'Code=4097'                      | 'Code=4097'
			'at  0x1a2b\t\tlibsystem'        | 'at 0x1a2b libsystem'
			'\n\n  Thread 0 Crashed:\r\n'    | ' Thread 0 Crashed: '
			'call `save()` then'              | 'call save() then'
			'log:\n```text\nCode=4097\n```'   | 'log: Code=4097 '
			'``` let x = 1 ```'              | ' let x = 1 '
			""")
	void whitespaceRunsBecomeOneSpaceAndMarkdownCodeMarksGo(String text, String shown) {
		assertThat(OffsetHighlighter.readable(text.translateEscapes())).isEqualTo(shown);
	}

	@Test
	void markdownCodeIsShownAsItsTextWithTheMatchesMarked() throws IOException {
		Query query = searcher.rewrite(queries
			.build(new SearchQuery("NSPersistentStoreSaveConflictsError context", List.of(), Map.of(), null, null))
			.query());
		List<SnippetPart> snippet = new OffsetHighlighter(searcher)
			.highlight(query, IndexFields.BODY, new int[] { docOf(41) }, new String[] { MARKDOWN }, 2)
			.getFirst();
		assertThat(snippet.stream().map(SnippetPart::text).collect(Collectors.joining()))
			.isEqualTo("Saving fails with NSPersistentStoreSaveConflictsError when I call: try context.save()");
		assertThat(snippet).filteredOn(SnippetPart::match)
			.extracting(SnippetPart::text)
			.containsExactly("NSPersistentStoreSaveConflictsError", "context");
	}

	@Test
	void aDocumentWithoutTheTermsHasNoSnippet() throws IOException {
		Query query = searcher
			.rewrite(queries.build(new SearchQuery("NEFilterManager", List.of(), Map.of(), null, null)).query());
		List<List<SnippetPart>> snippets = new OffsetHighlighter(searcher).highlight(query, IndexFields.BODY,
				new int[] { docOf(1), docOf(2) }, new String[] { XPC, FILTER }, 2);
		assertThat(snippets.get(0)).isNull();
		assertThat(snippets.get(1)).isNotNull();
	}

	/**
	 * Passages picked elsewhere (the OpenSearch node's) are cut from the text read here;
	 * one past that text's end, from an index of another text, is left out, not an error.
	 */
	@Test
	void passagesPickedElsewhereAreCutFromTheTextAndThoseBeyondItLeftOut() {
		String text = "The helper crashes. " + "Nothing else. ".repeat(30) + "Later the helper restarts.";
		int second = text.lastIndexOf("helper");
		List<Passage> passages = List.of(Passage.decode("1:4-10"),
				Passage.decode("1:%d-%d".formatted(second, second + 6)),
				Passage.decode("1:%d-%d".formatted(text.length() + 10, text.length() + 16)));
		List<SnippetPart> parts = OffsetHighlighter.parts(text, passages);
		assertThat(parts).filteredOn(SnippetPart::match)
			.extracting(SnippetPart::text)
			.containsExactly("helper", "helper");
		assertThat(parts).filteredOn(part -> part.text().equals(" … ")).hasSize(1);
		assertThat(OffsetHighlighter.parts("short", List.of(Passage.decode("1:40-46")))).isNull();
	}

	private List<SnippetPart> snippet(String text, long thread) throws IOException {
		SearchQuery parsed = new SearchQueryParser().parse(text);
		Query query = searcher.rewrite(queries.build(parsed).query());
		String body = thread == 1 ? XPC : FILTER;
		List<SnippetPart> snippet = new OffsetHighlighter(searcher)
			.highlight(query, IndexFields.BODY, new int[] { docOf(thread) }, new String[] { body }, 2)
			.getFirst();
		assertThat(snippet).as("snippet of %s", text).isNotNull();
		return snippet;
	}

	private static int docOf(long thread) throws IOException {
		for (ScoreDoc doc : searcher.search(new org.apache.lucene.search.MatchAllDocsQuery(), 100).scoreDocs) {
			if (searcher.storedFields().document(doc.doc).get(IndexFields.ID).equals(Long.toString(thread))) {
				return doc.doc;
			}
		}
		throw new IllegalArgumentException("no thread " + thread);
	}

}
