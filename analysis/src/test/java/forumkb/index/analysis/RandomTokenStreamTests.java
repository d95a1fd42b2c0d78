package forumkb.index.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analyzers built on {@link NoiseCharFilter} and {@link SymbolPartsFilter}, on random
 * text, checked the way Lucene's BaseTokenStreamTestCase.checkRandomData checks its own
 * (its test framework is not published for 10.6.0): no exception, offsets inside the
 * input and in order, increments IndexWriter accepts, and a reused stream giving the same
 * tokens. Each text comes from its own fixed seed, printed with the text when a check
 * fails; -Dforumkb.fuzz.seed=N replays one.
 */
class RandomTokenStreamTests {

	private static final int TEXTS = 400;

	private static final long FIRST_SEED = 20_261_207L;

	/**
	 * Code-shaped pieces forum posts are full of, so the filters see what they were built
	 * for.
	 */
	private static final String[] FRAGMENTS = { "NEFilterManager", "sharedManager",
			"saveToPreferences(completionHandler:)", "(_:)", "()", ":reply:",
			"-[NSXPCConnection setCodeSigningRequirement:]", "kSecAttrAccessGroup", "errSecMissingEntitlement",
			"URLSession.shared.dataTask", "0x19b556388", "0xa6d84b340", "pid 1284", "pid=77", "Code=4097",
			"NSCocoaErrorDomain", "2025-03-11 23:40:12.149503+0200", "deadbeef-dead-beef-dead-beefdeadbeef",
			"/System/Library/Frameworks/Foundation.framework", "libsystem_kernel.dylib", "__pthread_kill + 8",
			"file.swift:42", "iOS 18.1", "x86_64", "ABCDef", "_private", "a.b.c.", "..", "::", "(:", ":)", "__", "it's",
			"don’t", "the", "and", "to", "with", "XPC", "I", "A1B2", "über", "naïve", "日本語", "😀", "\u0301", "\u200B",
			"\u00A0", "\uFEFF" };

	private static final String SEPARATORS = " \t\n\r.,;:!?()[]{}<>\"'`=+-*/\\|@#$%^&~_";

	static Stream<Arguments> analyzers() {
		return Stream.of(Arguments.of("symbols (index)", SymbolAnalyzer.forIndex()),
				Arguments.of("symbols (query)", SymbolAnalyzer.forQuery()), Arguments.of("prose", new ProseAnalyzer()));
	}

	static List<Long> seeds() {
		String one = System.getProperty("forumkb.fuzz.seed");
		if (one != null) {
			return List.of(Long.parseLong(one));
		}
		List<Long> seeds = new ArrayList<>(TEXTS);
		for (int i = 0; i < TEXTS; i++) {
			seeds.add(FIRST_SEED + i);
		}
		return seeds;
	}

	/**
	 * Fragments, separators and arbitrary code points, now and then a long run of them.
	 */
	static String randomText(long seed) {
		Random random = new Random(seed);
		int pieces = random.nextInt(10) == 0 ? random.nextInt(400) : random.nextInt(30);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < pieces; i++) {
			switch (random.nextInt(4)) {
				case 0 -> text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
				case 1 -> text.append(SEPARATORS.charAt(random.nextInt(SEPARATORS.length())));
				case 2 -> text.appendCodePoint(randomCodePoint(random));
				default -> text.append(randomIdentifier(random));
			}
		}
		return text.toString();
	}

	private static int randomCodePoint(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> 0x20 + random.nextInt(0x5F);
			case 1 -> 0xA0 + random.nextInt(0x2000);
			case 2 -> 0x1F300 + random.nextInt(0x300); // outside the BMP: a surrogate
														// pair
			default -> {
				int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
				yield Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF ? 'x' : codePoint;
			}
		};
	}

	/**
	 * camelCase, ALLCaps prefixes, digits and underscores, maybe dotted or with a
	 * selector tail.
	 */
	private static String randomIdentifier(Random random) {
		StringBuilder id = new StringBuilder();
		for (int part = random.nextInt(4); part >= 0; part--) {
			int length = 1 + random.nextInt(6);
			boolean upper = random.nextBoolean();
			for (int i = 0; i < length; i++) {
				char c = (char) ('a' + random.nextInt(26));
				id.append(upper && (i == 0 || random.nextInt(3) == 0) ? Character.toUpperCase(c) : c);
			}
			if (random.nextInt(5) == 0) {
				id.append(random.nextInt(100));
			}
			if (part > 0 && random.nextInt(4) == 0) {
				id.append(random.nextBoolean() ? '.' : '_');
			}
		}
		return switch (random.nextInt(5)) {
			case 0 -> id + ":";
			case 1 -> id + "(_:completion:)";
			case 2 -> id + ":with:";
			default -> id.toString();
		};
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("analyzers")
	void randomTextGivesWellFormedTokensAndTheSameOnReuse(String name, Analyzer analyzer) throws IOException {
		try (analyzer) {
			for (long seed : seeds()) {
				String text = randomText(seed);
				String context = replayable(seed, text);
				List<String> first = checkedTokens(analyzer, text, context);
				checkedTokens(analyzer, randomText(seed + 1_000_000), context + ", a text in between");
				assertThat(checkedTokens(analyzer, text, context)).as("reused stream, " + context).isEqualTo(first);
			}
		}
	}

	@Test
	void noiseFilterMapsEveryOutputOffsetBackIntoTheInputInOrder() throws IOException {
		for (long seed : seeds()) {
			String text = randomText(seed);
			String context = replayable(seed, text);
			CharFilter filter = new NoiseCharFilter(new StringReader(text));
			String out = Tokens.readAll(filter);
			int previous = 0;
			for (int offset = 0; offset <= out.length(); offset++) {
				int corrected = filter.correctOffset(offset);
				int at = offset;
				Supplier<String> where = () -> "offset %d -> %d, %s".formatted(at, corrected, context);
				check(corrected >= previous && corrected <= text.length(), "corrected offset out of order", where);
				// Kept characters map to themselves; a blanked run is one space standing
				// for it.
				check(offset == out.length() || out.charAt(offset) == ' '
						|| text.charAt(corrected) == out.charAt(offset), "kept character moved", where);
				previous = corrected;
			}
			assertThat(filter.correctOffset(out.length())).as("end, " + context).isEqualTo(text.length());
		}
	}

	/**
	 * Consumes the stream as IndexWriter does and checks each token: offsets within the
	 * input, start offsets never going back, a first increment above zero and none below,
	 * and the final offset at the input's end. Returns "term@position start-end" for each
	 * token.
	 */
	private static List<String> checkedTokens(Analyzer analyzer, String text, String context) throws IOException {
		List<String> tokens = new ArrayList<>();
		try (TokenStream ts = analyzer.tokenStream("body", text)) {
			CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
			PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
			PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
			ts.reset();
			int position = -1;
			int lastStart = 0;
			while (ts.incrementToken()) {
				int index = tokens.size();
				Supplier<String> token = () -> "token %d \"%s\" at %d-%d, increment %d, %s".formatted(index, term,
						offset.startOffset(), offset.endOffset(), increment.getPositionIncrement(), context);
				check(term.length() > 0, "empty term", token);
				check(increment.getPositionIncrement() >= (index == 0 ? 1 : 0), "increment", token);
				check(length.getPositionLength() > 0, "position length", token);
				check(offset.startOffset() >= lastStart, "start offset went back", token);
				check(offset.startOffset() <= offset.endOffset(), "start after end", token);
				check(offset.endOffset() <= text.length(), "end beyond the input", token);
				lastStart = offset.startOffset();
				position += increment.getPositionIncrement();
				tokens.add(term + "@" + position + " " + offset.startOffset() + "-" + offset.endOffset());
			}
			ts.end();
			assertThat(offset.endOffset()).as("final offset, " + context).isEqualTo(text.length());
		}
		return tokens;
	}

	/**
	 * A plain check: the message is built only when it fails, so thousands of tokens stay
	 * cheap.
	 */
	private static void check(boolean holds, String what, Supplier<String> where) {
		if (!holds) {
			throw new AssertionError(what + ": " + where.get());
		}
	}

	/**
	 * How to replay a failure: the seed, and the text with anything unprintable escaped.
	 */
	private static String replayable(long seed, String text) {
		return "seed %d (-Dforumkb.fuzz.seed=%d), text \"%s\"".formatted(seed, seed, escaped(text));
	}

	private static String escaped(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints()
			.forEach(c -> out.append(
					c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? Character.toString(c) : "\\u{%X}".formatted(c)));
		return out.toString();
	}

}
