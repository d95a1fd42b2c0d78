package forumkb.search;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.extract.ErrorCatalog;
import forumkb.index.ChangePosition;
import forumkb.index.FieldAnalyzers;
import forumkb.index.IndexFields;
import forumkb.index.IndexedThread;
import forumkb.index.ThreadDocuments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import forumkb.InFirstJvm;

/**
 * The query a pasted error line becomes, over indexes of forum threads built as the live
 * one is.
 */
@InFirstJvm
class QueryBuilderServiceTests {

	private static final String COCOA = "Saving fails: Error Domain=NSCocoaErrorDomain Code=4 \"The file doesn’t exist.\"";

	private static final String VPN = "Connecting fails: Error Domain=NEVPNErrorDomain Code=5 \"permission denied\"";

	private static final String LINE = "Error Domain=NEVPNErrorDomain Code=5 \"permission denied\"";

	private final QueryBuilderService queries = new QueryBuilderService();

	@Test
	void inALargeIndexPartsAndWordsInMostThreadsAreLeftOutOfALongQuery() throws IOException {
		// 1,500 threads: "error", "domain" and "ns" are parts of a symbol in every one,
		// and
		// "error", "domain" and "code" words of every one.
		try (Index index = new Index(1_500)) {
			Set<Term> terms = index.terms(LINE);
			assertThat(terms)
				.doesNotContain(symbols("error"), symbols("domain"), symbols("ns"), text("error"), text("domain"),
						text("code"))
				.contains(symbols("nevpnerrordomain"), symbols("vpn"), text("nevpnerrordomain"), text("permiss"),
						text("deni"));
			assertThat(index.top(LINE)).as("the VPN threads first").allMatch(thread -> thread % 100 == 0);
		}
	}

	@Test
	void aQueryOfCommonWordsKeepsThem() throws IOException {
		try (Index index = new Index(1_500)) {
			assertThat(index.terms("error domain code permission")).contains(text("error"), text("domain"),
					text("code"), text("permiss"));
			// Words in no thread (ids, typos) leave nothing to rank by: the common words
			// stay.
			assertThat(index.terms("error domain code qzxv8 wqpt3 vvkr9 plmq2 permission")).contains(text("error"),
					text("domain"), text("code"));
		}
	}

	/**
	 * A report in prose with more odd tokens (build hashes, versions) than the word
	 * limit: each token is in one thread, the report's own words in a few each. Cut to
	 * the 32 rarest, the query kept only the tokens and missed the thread it describes.
	 */
	@Test
	void aLongReportKeepsEveryRareWordBeyondTheLimit() throws IOException {
		List<String> symptom = List.of("scrolling", "stutters", "resized", "sluggish", "trackpad", "gesture",
				"fullscreen", "animation");
		List<String> tokens = IntStream.range(0, 40).mapToObj(i -> "rev" + (4100 + i) + "f").toList();
		List<List<String>> threads = new ArrayList<>();
		threads.add(List.of("Scrolling stutters after the window is resized",
				"Scrolling is sluggish with the trackpad gesture in fullscreen; the animation stutters."));
		for (int i = 1; i < 400; i++) {
			String about = i <= tokens.size() ? "Our build " + tokens.get(i - 1) + " crashed"
					: i <= 120 ? "The " + symptom.get(i % symptom.size()) + " setting is ignored" : "Login fails";
			threads.add(List.of("Thread " + i, about + " on startup."));
		}
		String report = "Scrolling stutters\n\nScrolling gets sluggish and the trackpad gesture animation"
				+ " stutters, worse in fullscreen.\n\nBuilds tried: " + String.join(", ", tokens);
		try (Index index = new Index(threads)) {
			assertThat(index.terms(report)).contains(text("sluggish"), text("trackpad"), text("fullscreen"));
			assertThat(index.top(report)).first().isEqualTo(0L);
		}
	}

	/**
	 * A symptom in a sentence, then a console log: each log line carries a session id
	 * found in one other thread, and the app's chatter ("gestalt", "boringssl"…) that
	 * every thread pasting a log of the same app shares. The chatter is rare enough to
	 * count as rare words, and kept beyond the limit it made those threads outrank the
	 * one the sentence describes.
	 */
	@Test
	void aPastedLogsRareChatterStaysWithinTheLimitWhileTheWritersRareWordsAllCount() throws IOException {
		List<String> chatter = List.of("gestalt", "boringssl", "quic", "dlopen", "snapshotting", "keyboardimpl",
				"traitcollection", "afterscreenupdates", "featureflags", "deltafetch", "axruntime", "metalvalidation");
		List<String> sessions = IntStream.range(0, 36).mapToObj(i -> "s" + (7310 + i) + "q").toList();
		List<List<String>> threads = new ArrayList<>();
		threads.add(List.of("Answered VoIP call has no audio after a cold launch",
				"When the app is woken by a VoIP push the answered call is silent in both directions."));
		for (int i = 1; i < 400; i++) {
			String about = i <= 15 ? "Console: " + String.join(" ", chatter) + " while syncing"
					: i <= 15 + sessions.size() ? "Session " + sessions.get(i - 16) + " expired" : i <= 60
							? "VoIP push arrives late" : i <= 70 ? "Audio is silent in the simulator" : "Login fails";
			threads.add(List.of("Thread " + i, about + " on startup."));
		}
		StringBuilder report = new StringBuilder("An answered VoIP call is silent after a cold launch from a push.\n");
		for (int i = 0; i < sessions.size(); i++) {
			report.append("2025-04-02 18:22:0")
				.append(i % 10)
				.append(".655583+0200 Hollr[2438:42] [Sync] ")
				.append(sessions.get(i))
				.append(' ')
				.append(chatter.get(i % chatter.size()))
				.append(" failed\n");
		}
		try (Index index = new Index(threads)) {
			assertThat(index.terms(report.toString())).contains(text("voip"), text("silent"), text("cold"))
				.doesNotContain(text("gestalt"), text("boringssl"), text("quic"));
			assertThat(index.top(report.toString())).first().isEqualTo(0L);
		}
	}

	@Test
	void theRewrittenWordsCarryTheTermStatesTheirRarityWasReadFrom() throws IOException {
		// Scoring then reuses them instead of seeking every word in the terms dictionary
		// again.
		try (Index index = new Index(60)) {
			Query query = index.searcher.rewrite(queries.build(new SearchQueryParser().parse(LINE)).query());
			List<TermQuery> words = termOwners(query).stream()
				.filter(TermQuery.class::isInstance)
				.map(TermQuery.class::cast)
				.filter(word -> word.getTerm().field().equals(IndexFields.TEXT)
						|| word.getTerm().field().equals(IndexFields.SYMBOLS))
				.toList();
			assertThat(words).isNotEmpty()
				.allSatisfy(word -> assertThat(word.getTermStates()).isNotNull()
					.matches(states -> states.wasBuiltFor(index.reader.getContext())));
		}
	}

	@Test
	void inASmallIndexEveryPartAndWordCounts() throws IOException {
		try (Index index = new Index(60)) {
			assertThat(index.terms(LINE)).contains(symbols("error"), symbols("domain"), symbols("nevpnerrordomain"),
					text("error"), text("domain"));
		}
	}

	@Test
	void aWholeSymbolIsAClauseOfItsOwnNotASynonymOfItsFirstPart() throws IOException {
		try (Index index = new Index(60)) {
			Query query = index.searcher.rewrite(queries.build(new SearchQueryParser().parse(LINE)).query());
			List<Query> synonyms = termOwners(query).stream().filter(SynonymQuery.class::isInstance).toList();
			assertThat(synonyms).isEmpty();
			assertThat(index.terms(LINE)).contains(symbols("ne"), symbols("nevpnerrordomain"));
		}
	}

	/** The queries holding terms, nested ones included. */
	private static List<Query> termOwners(Query query) {
		List<Query> owners = new ArrayList<>();
		query.visit(new QueryVisitor() {
			@Override
			public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
				return this;
			}

			@Override
			public void consumeTerms(Query owner, Term... terms) {
				owners.add(owner);
			}
		});
		return owners;
	}

	private static Term symbols(String text) {
		return new Term(IndexFields.SYMBOLS, text);
	}

	private static Term text(String word) {
		return new Term(IndexFields.TEXT, word);
	}

	/** Threads 0, 100, 200… are the VPN error; the others the Cocoa one. */
	private final class Index implements AutoCloseable {

		final ByteBuffersDirectory directory = new ByteBuffersDirectory();

		final DirectoryReader reader;

		final IndexSearcher searcher;

		Index(int threads) throws IOException {
			this(IntStream.range(0, threads)
				.mapToObj(i -> i % 100 == 0 ? List.of("VPN fails " + i, VPN) : List.of("Save fails " + i, COCOA))
				.toList());
		}

		/** One thread per title and question, its id its position. */
		Index(List<List<String>> titlesAndQuestions) throws IOException {
			ThreadDocuments documents = new ThreadDocuments(ThreadDocuments.facetsConfig(), ErrorCatalog.load());
			try (IndexWriter writer = new IndexWriter(directory,
					new IndexWriterConfig(FieldAnalyzers.indexAnalyzer()))) {
				for (int i = 0; i < titlesAndQuestions.size(); i++) {
					writer.addDocument(documents.document(new IndexedThread(i, ChangePosition.START, "test", null,
							titlesAndQuestions.get(i).get(0), null, null, List.of(), null, null, null, null, false,
							titlesAndQuestions.get(i).get(1), null, null, List.of())));
				}
			}
			reader = DirectoryReader.open(directory);
			searcher = new IndexSearcher(reader);
		}

		Set<Term> terms(String text) throws IOException {
			Query query = searcher.rewrite(queries.build(new SearchQueryParser().parse(text)).query());
			Set<Term> terms = new HashSet<>();
			query.visit(QueryVisitor.termCollector(terms));
			return terms;
		}

		/** The ids of the best matches, as many as there are VPN threads. */
		List<Long> top(String text) throws IOException {
			Query query = searcher.rewrite(queries.build(new SearchQueryParser().parse(text)).query());
			int vpnThreads = (reader.numDocs() + 99) / 100;
			List<Long> ids = new ArrayList<>();
			for (ScoreDoc doc : searcher.search(query, vpnThreads).scoreDocs) {
				ids.add(Long.parseLong(searcher.storedFields().document(doc.doc).get(IndexFields.ID)));
			}
			return ids;
		}

		@Override
		public void close() throws IOException {
			reader.close();
			directory.close();
		}

	}

}
