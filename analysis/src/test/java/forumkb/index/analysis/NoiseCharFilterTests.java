package forumkb.index.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-scanned filter blanks exactly what the plain regex filter blanks, offsets
 * included.
 */
class NoiseCharFilterTests {

	static Stream<String> lines() {
		return Stream.of("<NSXPCConnection: 0xa6d84b340> connection from pid 1284 on mach service named",
				"default 08:11:58.532150-0700 smd [0xb100d8140] activating connection: mach=false",
				"name=com.apple.xpc.smd.peer[1575].0xb100d8140",
				"1 libsystem_pthread.dylib 0x19b58f88c pthread_kill + 296",
				"0 CaptiveNetwork 0x0000000221d87a4c ServerConnectionGetHandlerQueue + 0 (ServerConnection.c:509)",
				"launch type 0, failure proc [vc: 6 pid: 1422]: /Applications/Mozilla VPN.app",
				"NESMVPNSession[Primary Tunnel:test:7A492A00-109B-4DC9-970F-563A7BBC65A6:(null)]: Plugin",
				"deadbeef-dead-beef-dead-beefdeadbeef and pid1234, pid=77, xpc_error=[159: Unknown error: 159]",
				"2026-02-06 14:57:09.725854-0600 0x17c918f  Default",
				"{ total: [2019-10-16 18:56:24 +0000 - 2019-10-16 18:56:25 +0000] }",
				"Timestamp: 2025-09-17T18:26:56+08:00, Code=4097, -9802, iOS 18.1, file.swift:42 + 12");
	}

	@ParameterizedTest
	@MethodSource("lines")
	void blanksWhatThePatternBlanks(String line) throws IOException {
		assertSame(line);
	}

	@Test
	void agreesOnRandomNoiseLikeText() throws IOException {
		Random random = new Random(7);
		String alphabet = "0123456789abcdefxABCDEFpid:.-+[] _=)(\nTZ";
		for (int i = 0; i < 2_000; i++) {
			StringBuilder text = new StringBuilder();
			for (int j = random.nextInt(80); j > 0; j--) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertSame(text.toString());
		}
	}

	private static void assertSame(String text) throws IOException {
		CharFilter expected = new PatternReplaceCharFilter(ForumText.NOISE, " ", new StringReader(text));
		CharFilter actual = new NoiseCharFilter(new StringReader(text));
		String expectedText = Tokens.readAll(expected);
		assertThat(Tokens.readAll(actual)).as(text).isEqualTo(expectedText);
		for (int offset = 0; offset <= expectedText.length(); offset++) {
			assertThat(actual.correctOffset(offset)).as(text + " @" + offset).isEqualTo(expected.correctOffset(offset));
		}
	}

}
