package forumkb.extract;

import static forumkb.extract.CrashReportSamples.BAD_ACCESS;
import static forumkb.extract.CrashReportSamples.ENDPOINT_SECURITY_IPS;
import static forumkb.extract.CrashReportSamples.FATAL_ERROR_IPS;
import static forumkb.extract.CrashReportSamples.SWIFT_TRAP;
import static forumkb.extract.CrashReportSamples.TUNNEL_PROVIDER;
import static forumkb.extract.CrashReportSamples.UNCAUGHT_EXCEPTION;
import static forumkb.extract.CrashReportSamples.WATCHDOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What search and triage get from a paste: the developer's words and the crash's symptom,
 * not its noise.
 */
class SymptomLinesTests {

	private final EntityExtractor extractor = new EntityExtractor();

	private final SymptomLines symptoms = new SymptomLines(extractor);

	static Stream<Arguments> crashes() {
		return Stream.of(
				Arguments.of(BAD_ACCESS,
						List.of("EXC_BAD_ACCESS (SIGSEGV)", "KERN_INVALID_ADDRESS",
								"Termination Reason: Namespace SIGNAL, Code 11 Segmentation fault: 11",
								"libobjc.A.dylib objc_msgSend")),
				Arguments.of(UNCAUGHT_EXCEPTION, List.of("EXC_CRASH (SIGABRT)",
						"Termination Reason: Namespace SIGNAL, Code 6 Abort trap: 6",
						"NSInvalidArgumentException: -[__NSCFString objectForKey:]: unrecognized selector sent to instance",
						"Ledger SettingsStore.load()")),
				Arguments.of(WATCHDOG, List.of("EXC_CRASH (SIGKILL)", "Notes NotesDatabase.openSynchronously()")),
				Arguments.of(SWIFT_TRAP,
						List.of("EXC_BREAKPOINT (SIGTRAP)",
								"libswiftCore.dylib _assertionFailure(_:_:file:line:flags:)")),
				Arguments.of(TUNNEL_PROVIDER, List.of("com.example.vpn.tunnel PacketTunnelProvider.readPackets()")),
				Arguments.of(ENDPOINT_SECURITY_IPS, List.of("EXC_CRASH (SIGKILL)",
						"Termination Reason: Namespace ENDPOINTSECURITY, Code 2 Client did not respond in time to auth event ES_EVENT_TYPE_AUTH_OPEN")),
				Arguments.of(FATAL_ERROR_IPS, List.of("Atlas MapStore.region(for:)")));
	}

	@ParameterizedTest
	@MethodSource("crashes")
	void aCrashReportBecomesItsSymptomLines(String report, List<String> expectedLines) {
		String reduced = symptoms.reduce(report);

		assertThat(reduced.lines()).containsAll(expectedLines);
		assertThat(reduced).doesNotContain("Binary Images", "Incident Identifier", "0x0000", "\"usedImages\"", " + ")
			.doesNotContainPattern("0x[0-9a-f]{9,}");
		assertThat(reduced.lines()).hasSizeLessThanOrEqualTo(8);
	}

	@Test
	void keepsTheDevelopersProseAroundTheReport() {
		String text = "Our feed crashes when scrolling fast on iOS 18.2, only in release builds.\n\n" + BAD_ACCESS
				+ "\nAny idea what could cause this?";

		assertThat(symptoms.reduce(text).lines()).containsExactly(
				"Our feed crashes when scrolling fast on iOS 18.2, only in release builds.",
				"Any idea what could cause this?", "EXC_BAD_ACCESS (SIGSEGV)", "KERN_INVALID_ADDRESS",
				"Termination Reason: Namespace SIGNAL, Code 11 Segmentation fault: 11", "libobjc.A.dylib objc_msgSend",
				"Feedly -[FeedViewController tableView:cellForRowAtIndexPath:]",
				"UIKitCore -[UITableView _createPreparedCellForGlobalRow:withIndexPath:willDisplay:]");
	}

	@Test
	void entityExtractionStillFindsCodesAndApis() {
		List<String> found = Stream.of(UNCAUGHT_EXCEPTION, WATCHDOG, TUNNEL_PROVIDER)
			.flatMap(report -> extractor.extract(symptoms.reduce(report)).stream())
			.map(entity -> entity.kind() + " " + entity.normalized())
			.toList();

		assertThat(found).contains("CODE EXC_CRASH", "CODE SIGABRT", "CODE SIGKILL", "CODE 0x8badf00d",
				"CODE NSInvalidArgumentException", "FRAMEWORK NetworkExtension");
		assertThat(found).anyMatch(entity -> entity.startsWith("API_METHOD") && entity.contains("objectForKey:"));
	}

	@Test
	void leavesTextWithoutACrashReportAsItWas() {
		String question = "NEFilterManager saveToPreferences completion handler is never called on macOS 15";
		StringBuilder log = new StringBuilder("The tunnel never comes up; console:\n");
		for (int i = 0; i < 10; i++) {
			log.append("2025-03-11 23:40:1")
				.append(i)
				.append(".149503+0200 0x38fa7a  Default  nesessionmanager: state ")
				.append(i)
				.append('\n');
		}
		log.append(
				"2025-03-11 23:40:20.100000+0200 0x38fa7a  Error  NEVPNConnection start failed: NEVPNErrorDomain Code=1\n");

		assertThat(symptoms.reduce(question)).isEqualTo(question);
		assertThat(symptoms.reduce(log.toString()).lines()).containsExactly("The tunnel never comes up; console:",
				"2025-03-11 23:40:20.100000+0200 0x38fa7a  Error  NEVPNConnection start failed: NEVPNErrorDomain Code=1");
	}

	@Test
	void garbageAndHugePastesDoNotThrow() {
		Random random = new Random(42);
		StringBuilder noise = new StringBuilder();
		for (int i = 0; i < 200_000; i++) {
			noise.append((char) (random.nextInt(96) + 32));
		}
		List<String> hostile = List.of(noise.toString(), "Exception Type: " + "(".repeat(100_000),
				"Thread 0 Crashed:\n" + "0   Lib \t0x1 ".repeat(20_000),
				"{\"bug_type\":\"309\"}\n" + "{\"exception\":".repeat(20_000), "\"exception\"" + "[".repeat(100_000),
				"Exception Type:\nException Codes:\nTermination Reason:\nThread 99999999999 Crashed:\n",
				BAD_ACCESS.repeat(40), "\u0000Exception Type:\u0000\r\n\r\nThread 0 Crashed:\r\n");

		for (String text : hostile) {
			assertThatCode(() -> symptoms.reduce(text)).doesNotThrowAnyException();
		}
	}

}
