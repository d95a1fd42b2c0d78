package forumkb.index.analysis;

import forumkb.index.FieldAnalyzers;
import forumkb.index.IndexFields;

import static forumkb.index.analysis.Tokens.hits;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wiring of {@link FieldAnalyzers}, against a real in-memory index: each field is
 * analyzed as its analyzer says, at index and query time.
 */
class ForumAnalyzersTests {

	private final Directory dir = new ByteBuffersDirectory();

	private final Analyzer query = FieldAnalyzers.queryAnalyzer();

	@BeforeEach
	void index() throws IOException {
		try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(FieldAnalyzers.indexAnalyzer()))) {
			writer.addDocument(post("objc", "XPC",
					"[NEFilterManager.sharedManager saveToPreferencesWithCompletionHandler:^(NSError * _Nullable error) {"));
			writer.addDocument(post("swift", "NetworkExtension",
					"try await manager.saveToPreferences(completionHandler:) fails with NSCocoaErrorDomain error 4097"));
			writer.addDocument(post("log", "CallKit",
					"Error Domain=NSCocoaErrorDomain Code=4097 \"connection to service named com.apple.callkit.notificationserviceextension.voip\""));
			writer
				.addDocument(post("prose", "xpc", "Filter the manager list; the connection from pid 1284 is failing."));
		}
	}

	@AfterEach
	void close() throws IOException {
		dir.close();
	}

	@Test
	void symbolIsFoundWholeAndByItsParts() throws Exception {
		assertThat(hits(dir, new TermQuery(new Term(IndexFields.SYMBOLS, "nefiltermanager")))).containsExactly("objc");
		assertThat(hits(dir, parse(IndexFields.SYMBOLS, "\"filter manager\""))).containsExactly("objc");
		// a pasted symbol is one word to the parser: as a phrase of its parts it finds
		// only itself,
		// while the default OR of parts also finds "manager.saveToPreferences" (ranked
		// lower)
		QueryParser phrases = new QueryParser(IndexFields.SYMBOLS, query);
		phrases.setSplitOnWhitespace(true);
		phrases.setAutoGeneratePhraseQueries(true);
		assertThat(hits(dir, phrases.parse("NEFilterManager"))).containsExactly("objc");
		assertThat(hits(dir, parse(IndexFields.SYMBOLS, "NEFilterManager"))).containsExactly("objc", "swift");
	}

	@Test
	void objcSelectorAndSwiftNameMeetInSymbols() throws Exception {
		assertThat(hits(dir, parse(IndexFields.SYMBOLS, "savetopreferences"))).containsExactlyInAnyOrder("objc",
				"swift");
		assertThat(hits(dir, parse(IndexFields.SYMBOLS, "\"completion handler\""))).containsExactlyInAnyOrder("objc",
				"swift");
	}

	@Test
	void errorSpellingsMeetInProse() throws Exception {
		Query q = parse(IndexFields.BODY, "+NSCocoaErrorDomain +4097");
		assertThat(hits(dir, q)).containsExactlyInAnyOrder("swift", "log");
	}

	@Test
	void proseIsStemmedAndNoiseIsNotIndexed() throws Exception {
		assertThat(hits(dir, parse(IndexFields.BODY, "fail"))).containsExactlyInAnyOrder("swift", "prose");
		assertThat(hits(dir, parse(IndexFields.BODY, "connections"))).containsExactlyInAnyOrder("log", "prose");
		assertThat(hits(dir, parse(IndexFields.BODY, "1284"))).isEmpty();
		assertThat(hits(dir, parse(IndexFields.BODY, "pid"))).containsExactly("prose");
	}

	@Test
	void exactFieldsIgnoreCase() throws Exception {
		assertThat(hits(dir, parse(IndexFields.TAG, "XPC"))).containsExactlyInAnyOrder("objc", "prose");
		assertThat(hits(dir, parse(IndexFields.TAG, "xpc"))).containsExactlyInAnyOrder("objc", "prose");
		assertThat(Tokens.terms(query, "NetworkExtension")).containsExactly("networkextension");
		assertThat(Tokens
			.of(ForumAnalyzers.byName(ForumAnalyzers.EXACT), "com.apple.developer.networking.networkextension")
			.terms()).containsExactly("com.apple.developer.networking.networkextension");
	}

	@Test
	void everyNamedFieldHasItsAnalyzerAndOthersGetProse() {
		for (String field : FieldAnalyzers.EXACT_FIELDS) {
			assertThat(terms(field, "NEHotspotHelper")).as(field).containsExactly("nehotspothelper");
		}
		for (String field : FieldAnalyzers.PROSE_FIELDS) {
			assertThat(terms(field, "connections failing")).as(field).containsExactly("connect", "fail");
		}
		assertThat(terms("unknown", "connections failing")).containsExactly("connect", "fail");
		assertThat(terms(IndexFields.SYMBOLS, "NEHotspotHelper")).containsExactly("nehotspothelper", "ne", "hotspot",
				"helper");
	}

	private java.util.List<String> terms(String field, String text) {
		return Tokens.of(query, field, text).terms();
	}

	private Query parse(String field, String text) throws ParseException {
		return new QueryParser(field, query).parse(text);
	}

	private static Document post(String id, String tag, String text) {
		Document doc = new Document();
		doc.add(new StringField("id", id, Field.Store.YES));
		doc.add(new TextField(IndexFields.BODY, text, Field.Store.NO));
		doc.add(new TextField(IndexFields.SYMBOLS, text, Field.Store.NO));
		doc.add(new TextField(IndexFields.TAG, tag, Field.Store.NO));
		return doc;
	}

}
