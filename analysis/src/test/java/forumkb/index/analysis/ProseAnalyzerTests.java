package forumkb.index.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven on lines from seeds/ and eval-dev/corpus.jsonl: the exact terms of each.
 */
class ProseAnalyzerTests {

	private final Analyzer prose = new ProseAnalyzer();

	private static Arguments c(String text, String... terms) {
		return Arguments.of(text, List.of(terms));
	}

	static Stream<Arguments> lines() {
		return Stream.of(
				// codes keep their identity
				c("kCFStreamErrorDomainSSL Error -9802", "kcfstreamerrordomainssl", "error", "-9802"),
				c("NSURLSession/NSURLConnection HTTP load failed (kCFStreamErrorDomainSSL, -9802)", "nsurlsession",
						"nsurlconnection", "http", "load", "fail", "kcfstreamerrordomainssl", "-9802"),
				c("Error Domain=NSCocoaErrorDomain Code=4097 \"connection to service named com.apple.callkit.notificationserviceextension.voip\"",
						"error", "domain", "nscocoaerrordomain", "code", "4097", "connect", "servic", "name", "com",
						"appl", "callkit", "notificationserviceextens", "voip"),
				c("UserVoice SDK network error: Error Domain=NSURLErrorDomain Code=-1200", "uservoice", "sdk",
						"network", "error", "error", "domain", "nsurlerrordomain", "code", "-1200"),
				c("Keychain errSecItemNotFound (-25300)", "keychain", "errsecitemnotfound", "-25300"),
				c("failed to do a bootstrap look-up: xpc_error=[159: Unknown error: 159]", "fail", "do", "bootstrap",
						"look", "up", "xpc_error", "159", "unknown", "error", "159"),
				// identifiers whole, not stemmed; Type.member is two identifiers
				c("NEFilterManager.sharedManager.enabled = NO;", "nefiltermanager", "sharedmanager", "enabl"),
				c("the extension calls reportNewIncomingVoIPPushPayload(_:completion:) to initiate the call.", "extens",
						"call", "reportnewincomingvoippushpayload", "complet", "initi", "call"),
				// noise: addresses, pids, timestamps, UUIDs, frame offsets, line numbers
				c("<NSXPCConnection: 0xa6d84b340> connection from pid 1284 on mach service named", "nsxpcconnection",
						"connect", "from", "pid", "mach", "servic", "name"),
				c("default 08:11:58.532150-0700 smd [0xb100d8140] activating connection: mach=false", "default", "smd",
						"activ", "connect", "mach", "fals"),
				c("name=com.apple.xpc.smd.peer[1575].0xb100d8140", "name", "com", "appl", "xpc", "smd", "peer"),
				c("1 libsystem_pthread.dylib 0x19b58f88c pthread_kill + 296", "1", "libsystem_pthread", "dylib",
						"pthread_kill"),
				c("0 CaptiveNetwork 0x0000000221d87a4c ServerConnectionGetHandlerQueue + 0 (ServerConnection.c:509)",
						"0", "captivenetwork", "serverconnectiongethandlerqueue", "serverconnection", "c"),
				c("launch type 0, failure proc [vc: 6 pid: 1422]: /Applications/Mozilla VPN.app", "launch", "type", "0",
						"failur", "proc", "vc", "6", "pid", "applic", "mozilla", "vpn", "app"),
				c("NESMVPNSession[Primary Tunnel:test:7A492A00-109B-4DC9-970F-563A7BBC65A6:(null)]: Plugin",
						"nesmvpnsession", "primari", "tunnel", "test", "null", "plugin"),
				c("2026-02-06 14:57:09.725854-0600 0x17c918f  Default", "default"),
				c("{ total: [2019-10-16 18:56:24 +0000 - 2019-10-16 18:56:25 +0000] }", "total"),
				c("Timestamp: 2025-09-17T18:26:56+08:00", "timestamp"), c("Originated: 2017-03-06T15:43:00", "origin"),
				// prose is stemmed English; possessives and stop words go
				c("attempts to use URLSession or NWTCPConnection in the extension always fail.", "attempt", "us",
						"urlsession", "nwtcpconnection", "extens", "alwai", "fail"),
				c("The notification is received by the NSE on Bob's device", "notif", "receiv", "nse", "bob", "devic"),
				c("Apple Transport Security seems to break the SDK on iOS9", "appl", "transport", "secur", "seem",
						"break", "sdk", "ios9"));
	}

	@ParameterizedTest
	@MethodSource("lines")
	void realLinesGiveExactTerms(String text, List<String> terms) {
		assertThat(Tokens.terms(prose, text)).containsExactlyElementsOf(terms);
	}

	@Test
	void positionsCountRemovedStopWordsAndOffsetsPointIntoTheOriginal() {
		Tokens t = Tokens.of(prose, "connection from pid 1284 on mach service");
		assertThat(t.terms()).containsExactly("connect", "from", "pid", "mach", "servic");
		// "1284" is blanked before tokenizing (no position); "on" is a stop word (leaves
		// a gap)
		assertThat(t.positions()).containsExactly(0, 1, 2, 4, 5);
		assertThat(t.offsets()).containsExactly("0-10", "11-15", "16-19", "28-32", "33-40");
	}

	@Test
	void aWordTooLongToBeOneIsDroppedAndTheWordsAroundItStay() {
		String blob = "A" + "b".repeat(40_000);
		assertThat(Tokens.terms(prose, "pasted " + blob + " keychain")).containsExactly("past", "keychain");
		String longest = "c".repeat(ForumAnalyzers.MAX_TOKEN_CHARS);
		assertThat(Tokens.terms(prose, longest)).containsExactly(longest);
	}

	@Test
	void signedCodeKeepsItsSignAndOffsets() {
		Tokens t = Tokens.of(prose, "errSecItemNotFound (-25300)");
		assertThat(t.terms()).containsExactly("errsecitemnotfound", "-25300");
		assertThat(t.offsets()).containsExactly("0-18", "20-26");
		assertThat(Tokens.terms(prose, "-9802")).containsExactly("-9802").doesNotContain("9802");
	}

	@Test
	void errorDomainSpellingsMeet() {
		for (String text : List.of("Code=4097", "NSCocoaErrorDomain Code=4097", "NSCocoaErrorDomain 4097",
				"NSCocoaErrorDomain error 4097")) {
			assertThat(Tokens.terms(prose, text)).as(text).contains("4097");
		}
		assertThat(Tokens.terms(prose, "Code=4097")).containsExactly("code", "4097");
		assertThat(Tokens.terms(prose, "NSCocoaErrorDomain error 4097")).containsExactly("nscocoaerrordomain", "error",
				"4097");
		assertThat(Tokens.terms(prose, "NSCocoaErrorDomain 4097")).containsExactly("nscocoaerrordomain", "4097");
	}

	@Test
	void inflectionsMeet() {
		assertThat(Tokens.terms(prose, "connections")).isEqualTo(Tokens.terms(prose, "connection"));
		assertThat(Tokens.terms(prose, "failing")).isEqualTo(Tokens.terms(prose, "fail"));
		assertThat(Tokens.terms(prose, "failed")).isEqualTo(Tokens.terms(prose, "fails"));
	}

	@Test
	void normalizeOnlyLowerCases() {
		assertThat(prose.normalize("body", "NEFilter").utf8ToString()).isEqualTo("nefilter");
		assertThat(prose.normalize("body", "Connections").utf8ToString()).isEqualTo("connections");
	}

	@Test
	void quotedPhraseStaysExact() throws IOException, ParseException {
		try (Directory dir = new ByteBuffersDirectory()) {
			try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(prose))) {
				// the same words, once in the quoted order and once not; stop words keep
				// their slot,
				// so "handler is never called" would not match either (positions stay
				// honest)
				writer.addDocument(body("0", "On iOS 18 saveToPreferences: completion handler never called."));
				writer.addDocument(body("1", "The handler gets called, but never on completion."));
			}
			Query phrase = new QueryParser("body", prose).parse("\"completion handler never called\"");
			Query words = new QueryParser("body", prose).parse("completion handler never called");
			assertThat(Tokens.hits(dir, phrase)).containsExactly("0");
			assertThat(Tokens.hits(dir, words)).containsExactlyInAnyOrder("0", "1");
		}
	}

	@Test
	void pastedCodeIsNotAProhibitedClause() throws ParseException {
		assertThat(Tokens.terms(prose, "NSURLErrorDomain -1200")).containsExactly("nsurlerrordomain", "-1200");
		Query q = new QueryParser("body", prose).parse(QueryParser.escape("NSURLErrorDomain -1200"));
		assertThat(q).isInstanceOf(BooleanQuery.class);
		assertThat(((BooleanQuery) q).clauses()).extracting(BooleanClause::occur)
			.containsOnly(BooleanClause.Occur.SHOULD);
		assertThat(q.toString()).isEqualTo("body:nsurlerrordomain body:-1200");
	}

	private static Document body(String id, String text) {
		Document doc = new Document();
		doc.add(new TextField("id", id, Field.Store.YES));
		doc.add(new TextField("body", text, Field.Store.NO));
		return doc;
	}

}
