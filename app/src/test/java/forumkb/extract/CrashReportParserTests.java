package forumkb.extract;

import static forumkb.extract.CrashReportSamples.BAD_ACCESS;
import static forumkb.extract.CrashReportSamples.ENDPOINT_SECURITY_IPS;
import static forumkb.extract.CrashReportSamples.FATAL_ERROR_IPS;
import static forumkb.extract.CrashReportSamples.SWIFT_TRAP;
import static forumkb.extract.CrashReportSamples.TUNNEL_PROVIDER;
import static forumkb.extract.CrashReportSamples.UNCAUGHT_EXCEPTION;
import static forumkb.extract.CrashReportSamples.WATCHDOG;
import static org.assertj.core.api.Assertions.assertThat;

import forumkb.extract.CrashReport.Format;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: each kind of report, and what a developer would want read out of it. */
class CrashReportParserTests {

	private final CrashReportParser parser = new CrashReportParser();

	/** Expected fields of one report; null where the report carries nothing. */
	private record Expected(String type, String codes, String termination, String message, List<String> frames) {
	}

	private static Arguments c(String name, String text, Format format, Expected expected) {
		return Arguments.of(name, text, format, expected);
	}

	static Stream<Arguments> reports() {
		return Stream.of(
				c("classic EXC_BAD_ACCESS: kind kept, address dropped", BAD_ACCESS, Format.CLASSIC, new Expected(
						"EXC_BAD_ACCESS (SIGSEGV)", "KERN_INVALID_ADDRESS",
						"Namespace SIGNAL, Code 11 Segmentation fault: 11", null,
						List.of("libobjc.A.dylib objc_msgSend",
								"Feedly -[FeedViewController tableView:cellForRowAtIndexPath:]",
								"UIKitCore -[UITableView _createPreparedCellForGlobalRow:withIndexPath:willDisplay:]"))),
				c("uncaught NSException: message and Last Exception Backtrace take over", UNCAUGHT_EXCEPTION,
						Format.CLASSIC,
						new Expected("EXC_CRASH (SIGABRT)", null, "Namespace SIGNAL, Code 6 Abort trap: 6",
								"NSInvalidArgumentException: -[__NSCFString objectForKey:]: unrecognized selector sent to instance",
								List.of("Ledger SettingsStore.load()", "Ledger SettingsViewController.viewDidLoad()",
										"UIKitCore -[UIViewController _sendViewDidLoadWithAppearanceProxyObjectTaggingEnabled]"))),
				c("watchdog: 0x8badf00d with the first clause of its description", WATCHDOG, Format.CLASSIC,
						new Expected("EXC_CRASH (SIGKILL)", null,
								"Namespace FRONTBOARD, Code 0x8badf00d SPRINGBOARD, scene-create watchdog "
										+ "transgression: application<com.example.notes>:412 exhausted real (wall clock) time allowance of 19.97 seconds",
								null,
								List.of("libsystem_kernel.dylib semaphore_wait_trap",
										"Notes NotesDatabase.openSynchronously()",
										"Notes AppDelegate.application(_:didFinishLaunchingWithOptions:)"))),
				c("Swift trap without a message: the trap frame stays", SWIFT_TRAP, Format.CLASSIC,
						new Expected("EXC_BREAKPOINT (SIGTRAP)", null, "Namespace SIGNAL, Code 5 Trace/BPT trap: 5",
								null,
								List.of("libswiftCore.dylib _assertionFailure(_:_:file:line:flags:)",
										"Profiles ProfileViewController.viewDidLoad()",
										"Profiles @objc ProfileViewController.viewDidLoad()"))),
				c("Network Extension provider: dispatch assertion, dispatch frames skipped", TUNNEL_PROVIDER,
						Format.CLASSIC,
						new Expected("EXC_BREAKPOINT (SIGTRAP)", null, "Namespace SIGNAL, Code 5 Trace/BPT trap: 5",
								"BUG IN CLIENT OF LIBDISPATCH: Assertion failed: Block was expected to execute on queue [com.apple.main-thread ()]",
								List.of("com.example.vpn.tunnel PacketTunnelProvider.readPackets()",
										"com.example.vpn.tunnel closure #1 in PacketTunnelProvider.startTunnel(options:completionHandler:)",
										"NetworkExtension __80-[NEPacketTunnelFlow readPacketObjectsWithCompletionHandler:]_block_invoke"))),
				c(".ips on one line: EndpointSecurity SIGKILL, triggered thread, images by index",
						ENDPOINT_SECURITY_IPS, Format.IPS,
						new Expected("EXC_CRASH (SIGKILL)", null,
								"Namespace ENDPOINTSECURITY, Code 2 Client did not respond in time to auth event ES_EVENT_TYPE_AUTH_OPEN",
								null,
								List.of("libsystem_kernel.dylib __psynch_cvwait",
										"com.example.esagent PolicyCache::lookup(std::string const&)",
										"com.example.esagent handleAuthOpen(es_client_t*, es_message_t const*)"))),
				c(".ips pretty-printed: fatalError message from asi, runtime frame skipped", FATAL_ERROR_IPS,
						Format.IPS,
						new Expected("EXC_BREAKPOINT (SIGTRAP)", null, "Namespace SIGNAL, Code 5 Trace/BPT trap: 5",
								"Atlas/MapStore.swift:57: Fatal error: Unexpectedly found nil while unwrapping an Optional value",
								List.of("Atlas MapStore.region(for:)", "Atlas MapViewController.viewWillAppear(_:)"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("reports")
	void readsWhatWentWrong(String name, String text, Format format, Expected expected) {
		CrashReport report = parser.parse(text).orElseThrow();

		assertThat(report.format()).isEqualTo(format);
		assertThat(report.exceptionType()).isEqualTo(expected.type());
		assertThat(report.exceptionCodes()).isEqualTo(expected.codes());
		assertThat(report.terminationReason()).isEqualTo(expected.termination());
		assertThat(report.exceptionMessage()).isEqualTo(expected.message());
		assertThat(report.topFrames()).map(CrashReport.Frame::toString).containsExactlyElementsOf(expected.frames());
	}

	@Test
	void anExceptionBacktraceExplainsTheCrashWithoutAMessage() {
		String assertion = UNCAUGHT_EXCEPTION.replaceFirst("\\*\\*\\* Terminating app[^\n]*\n", "");

		CrashReport report = parser.parse(assertion).orElseThrow();

		assertThat(report.exceptionMessage()).isNull();
		assertThat(report.topFrames()).map(CrashReport.Frame::toString)
			.first()
			.isEqualTo("Ledger SettingsStore.load()");
	}

	@Test
	void knowsTheCrashedThread() {
		assertThat(parser.parse(BAD_ACCESS).orElseThrow())
			.extracting(CrashReport::crashedThread, CrashReport::crashedThreadName)
			.containsExactly(0, "Dispatch queue: com.apple.main-thread");
		assertThat(parser.parse(TUNNEL_PROVIDER).orElseThrow())
			.extracting(CrashReport::crashedThread, CrashReport::crashedThreadName)
			.containsExactly(2, "Dispatch queue: com.example.vpn.packets");
		assertThat(parser.parse(ENDPOINT_SECURITY_IPS).orElseThrow())
			.extracting(CrashReport::crashedThread, CrashReport::crashedThreadName)
			.containsExactly(3, "com.example.esagent.auth");
	}

	@Test
	void findsAReportAfterTheQuestionAndKnowsWhereItEnds() {
		String question = "Our feed crashes when scrolling fast on iOS 18.2, only in release builds.\n"
				+ "We use a diffable data source. Crash log:\n\n";
		String after = "\n\nAny idea what could cause this?";
		String text = question + BAD_ACCESS + after;

		CrashReport report = parser.parse(text).orElseThrow();

		assertThat(text.substring(0, report.start())).isEqualTo(question);
		assertThat(text.substring(report.end()).strip()).isEqualTo(after.strip());
	}

	@Test
	void readsATruncatedClassicReport() {
		String partial = "Exception Type:  EXC_BAD_ACCESS (SIGSEGV)\n"
				+ "Exception Codes: KERN_PROTECTION_FAILURE at 0x000000016b5fbff8\n" + "Thread 0 Crashed:\n"
				+ "0   libsystem_malloc.dylib        \t0x00000001a0c1e2f0 _malloc_zone_malloc + 4\n"
				+ "1   Sketchy                       \t0x0000000102f0a1b4 Canvas.render(_:) + 1";

		CrashReport report = parser.parse(partial).orElseThrow();

		assertThat(report.exceptionCodes()).isEqualTo("KERN_PROTECTION_FAILURE");
		assertThat(report.topFrames()).map(CrashReport.Frame::toString)
			.containsExactly("libsystem_malloc.dylib _malloc_zone_malloc", "Sketchy Canvas.render(_:)");
	}

	@Test
	void readsATruncatedIpsBody() {
		String cut = FATAL_ERROR_IPS.substring(0, FATAL_ERROR_IPS.indexOf("\"usedImages\""));

		CrashReport report = parser.parse(cut).orElseThrow();

		assertThat(report.exceptionType()).isEqualTo("EXC_BREAKPOINT (SIGTRAP)");
		assertThat(report.exceptionMessage()).contains("Fatal error: Unexpectedly found nil");
		assertThat(report.topFrames()).map(CrashReport.Frame::toString)
			.containsExactly("??? MapStore.region(for:)", "??? MapViewController.viewWillAppear(_:)");
	}

	@Test
	void fillsATranslatedReportFromItsFullReport() {
		String translated = TUNNEL_PROVIDER
			.replace("Termination Reason:    Namespace SIGNAL, Code 5 Trace/BPT trap: 5\n", "");
		String text = translated + "\n-----------\nFull Report\n-----------\n\n" + ENDPOINT_SECURITY_IPS;

		CrashReport report = parser.parse(text).orElseThrow();

		assertThat(report.format()).isEqualTo(Format.CLASSIC);
		assertThat(report.exceptionType()).isEqualTo("EXC_BREAKPOINT (SIGTRAP)");
		assertThat(report.terminationReason()).startsWith("Namespace ENDPOINTSECURITY, Code 2");
		assertThat(report.end()).isEqualTo(text.strip().length());
	}

	@Test
	void readsMagicTerminationCodesSpelledInDecimal() {
		String ips = ENDPOINT_SECURITY_IPS.replace("\"code\":2,\"namespace\":\"ENDPOINTSECURITY\"",
				"\"code\":2343432205,\"namespace\":\"FRONTBOARD\"");

		assertThat(parser.parse(ips).orElseThrow().terminationReason())
			.startsWith("Namespace FRONTBOARD, Code 0x8badf00d");
	}

	@Test
	void findsNothingInOrdinaryText() {
		assertThat(parser.parse("NEFilterManager saveToPreferences completion handler is never called")).isEmpty();
		assertThat(parser
			.parse("The app crashes with EXC_BAD_ACCESS in objc_msgSend, see Thread 1: EXC_BAD_ACCESS (code=1)"))
			.isEmpty();
		assertThat(parser.parse("{\"exception\": 1} is what our own API returns")).isEmpty();
		assertThat(parser.parse("")).isEmpty();
		assertThat(parser.parse(null)).isEmpty();
	}

}
