package forumkb.index.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven on lines from seeds/ and eval-dev/corpus.jsonl: only symbols, each whole
 * and in parts.
 */
class SymbolAnalyzerTests {

	private final Analyzer symbols = SymbolAnalyzer.forIndex();

	private static Arguments c(String text, String... placed) {
		return Arguments.of(text, List.of(placed));
	}

	/**
	 * Positions count every candidate word, also the plain ones dropped, so gaps stay
	 * honest.
	 */
	static Stream<Arguments> lines() {
		return Stream.of(
				c("NEFilterManager > enabled property very worrying documentation", "nefiltermanager@0", "ne@0",
						"filter@1", "manager@2"),
				c("[NEFilterManager.sharedManager saveToPreferencesWithCompletionHandler:^(NSError * _Nullable error) {",
						"nefiltermanager.sharedmanager@0", "nefiltermanager@0", "ne@0", "filter@1", "manager@2",
						"sharedmanager@3", "shared@3", "manager@4", "savetopreferenceswithcompletionhandler@5",
						"savetopreferences@5", "save@5", "preferences@7", "completionhandler@9", "completion@9",
						"handler@10", "nserror@11", "ns@11", "error@12"),
				c("the extension calls reportNewIncomingVoIPPushPayload(_:completion:) to initiate the call.",
						"reportnewincomingvoippushpayload(_:completion:)@3", "reportnewincomingvoippushpayload@3",
						"report@3", "new@4", "incoming@5", "voip@6", "push@7", "payload@8", "completion@9"),
				c("<NSXPCConnection: 0xa6d84b340> connection from pid 1284 on mach service named com.apple.callkit.notificationserviceextension.voip: Exception caught during decoding of received selector notificationServiceExtension:reply:, dropping incoming message.",
						"nsxpcconnection@0", "ns@0", "xpc@1", "connection@2", "notificationserviceextension:reply:@18",
						"notificationserviceextension@18", "notification@18", "service@19", "extension@20", "reply@21"),
				c("frame #9: 0x000000019051ed90 Foundation`-[NSXPCListener resume] + 180", "nsxpclistener@2", "ns@2",
						"xpc@3", "listener@4"),
				c("let listener = try XPCListener(service: \"mach-service.xxx.yyy\", incomingSessionHandler: {",
						"xpclistener@3", "xpc@3", "listener@4", "incomingsessionhandler@8", "incoming@8", "session@9",
						"handler@10"),
				c("kCFStreamErrorDomainSSL Error -9802", "kcfstreamerrordomainssl@0", "cf@0", "stream@1", "error@2",
						"domain@3", "ssl@4"),
				c("0 libsystem_kernel.dylib 0x19b556388 __pthread_kill + 8", "libsystem_kernel.dylib@0",
						"libsystem_kernel@0", "libsystem@0", "kernel@1", "dylib@2", "__pthread_kill@3", "pthread@3",
						"kill@4"),
				c("failed to do a bootstrap look-up: xpc_error=[159: Unknown error: 159]", "xpc_error@7", "xpc@7",
						"error@8"),
				c("process is terminated shortly after the completion handler of - stopTunnelWithReason:completionHandler: is called",
						"stoptunnelwithreason:completionhandler:@9", "stoptunnelwithreason@9", "stoptunnel@9", "stop@9",
						"tunnel@10", "reason@12", "completionhandler@13", "completion@13", "handler@14"),
				// plain English, acronyms and product names alone are not symbols
				c("If it's an incoming VoIP call on iOS, the NSE decrypts it.", new String[0]),
				c("Exception: value for key was of unexpected class", new String[0]));
	}

	@ParameterizedTest
	@MethodSource("lines")
	void realLinesGiveExactPlacedTerms(String text, List<String> placed) {
		assertThat(Tokens.of(symbols, text).placed()).containsExactlyElementsOf(placed);
	}

	@Test
	void aSymbolTooLongToBeATermGivesOnlyItsParts() {
		List<String> terms = Tokens.terms(symbols, "NSGiant" + "Part".repeat(10_000) + "Handler");
		assertThat(terms).doesNotContain("nsgiant" + "part".repeat(10_000) + "handler")
			.contains("ns", "giant", "part", "handler")
			.allSatisfy(term -> assertThat(term.length()).isLessThanOrEqualTo(ForumAnalyzers.MAX_TOKEN_CHARS));
	}

	@Test
	void partsCarryTheirOwnOffsets() {
		Tokens t = Tokens.of(symbols, "NEFilterManager");
		assertThat(t.terms()).containsExactly("nefiltermanager", "ne", "filter", "manager");
		assertThat(t.positions()).containsExactly(0, 0, 1, 2);
		assertThat(t.offsets()).containsExactly("0-15", "0-2", "2-8", "8-15");
	}

	@Test
	void objcSelectorAndSwiftNameMeet() {
		List<String> objc = Tokens.terms(symbols, "saveToPreferencesWithCompletionHandler:");
		List<String> swift = Tokens.terms(symbols, "saveToPreferences(completionHandler:)");
		assertThat(objc).containsExactly("savetopreferenceswithcompletionhandler", "savetopreferences", "save",
				"preferences", "completionhandler", "completion", "handler");
		assertThat(swift).containsExactly("savetopreferences(completionhandler:)", "savetopreferences", "save",
				"preferences", "completionhandler", "completion", "handler");
		assertThat(objc).containsAll(swift.subList(1, swift.size()));
	}

	@Test
	void acronymRunsSplitAtKnownAcronyms() {
		assertThat(Tokens.terms(symbols, "URLSession")).containsExactly("urlsession", "url", "session");
		assertThat(Tokens.terms(symbols, "NSURLErrorDomain")).containsExactly("nsurlerrordomain", "ns", "url", "error",
				"domain");
		assertThat(Tokens.terms(symbols, "XPCListener")).containsExactly("xpclistener", "xpc", "listener");
		assertThat(Tokens.terms(symbols, "NEVPNManager")).containsExactly("nevpnmanager", "ne", "vpn", "manager");
	}

	@Test
	void snakeCaseAndBracketedMethods() {
		assertThat(Tokens.terms(symbols, "xpc_connection_create_mach_service"))
			.containsExactly("xpc_connection_create_mach_service", "xpc", "connection", "create", "mach", "service");
		assertThat(Tokens.terms(symbols, "-[NSXPCConnection setCodeSigningRequirement:]")).containsExactly(
				"nsxpcconnection", "ns", "xpc", "connection", "setcodesigningrequirement", "set", "code", "signing",
				"requirement");
	}

	@Test
	void noiseAndStopWordsNeverAppear() {
		assertThat(Tokens.terms(symbols,
				"default 08:11:58.532150-0700 smd [0xb100d8140] activating connection: mach=false"))
			.isEmpty();
		assertThat(Tokens.terms(symbols, "getValueForKey toString")).doesNotContain("for", "to")
			.containsExactly("getvalueforkey", "get", "value", "key", "tostring", "string");
	}

	@Test
	void queryAnalyzerKeepsPlainWordsForTheParts() {
		assertThat(Tokens.of(SymbolAnalyzer.forQuery(), "filter manager").placed()).containsExactly("filter@0",
				"manager@1");
		assertThat(Tokens.terms(SymbolAnalyzer.forQuery(), "NEFilterManager")).containsExactly("nefiltermanager", "ne",
				"filter", "manager");
	}

}
