package forumkb.ingest.parse;

import forumkb.Seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The text-dump parser on our own page dumps (src/test/resources/fixtures), written in
 * the shapes of the four real pages it was built on: a thread page, a tag page, a listing
 * shown twice and a listing whose posts run together. {@link RealSeeds} reads the real
 * pages too, where they are (see {@link Seeds}).
 */
class TextDumpParserTests {

	private static final String THREAD_PAGE = "thread-page.txt";

	private static final String TAG_PAGE = "tag-page.txt";

	private static final String LISTING = "listing.txt";

	private static final String RUN_TOGETHER = "run-together.txt";

	/** Lines that are page furniture; none may open a post or be a title. */
	private static final List<String> CHROME = List.of("RSS for tag", "Posts under", "48 Posts", "72 Posts",
			"Selecting any option will automatically load the page", "Post", "Replies", "Boosts", "Views", "Activity",
			"Accepted Answer", "Answered by", "Topic:", "SubTopic:", "Tags:");

	private final TextDumpParser parser = new TextDumpParser();

	private ParseResult parseDump(String name) {
		return parser.parse(name, Fixtures.read(name));
	}

	private static Instant month(int year, int month) {
		return Instant.parse("%d-%02d-01T00:00:00Z".formatted(year, month));
	}

	private static ParsedThread startingWith(List<ParsedThread> threads, String bodyStart) {
		return threads.stream()
			.filter(t -> t.posts().getFirst().body().startsWith(bodyStart))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no thread whose post starts with: " + bodyStart));
	}

	@ParameterizedTest
	@CsvSource({ THREAD_PAGE + ",1", TAG_PAGE + ",14", LISTING + ",20", RUN_TOGETHER + ",17" })
	void readsEveryThreadOfEachDumpOnce(String dump, int threads) {
		assertReadsEveryThreadOnce(parseDump(dump), dump, threads);
	}

	@ParameterizedTest
	@ValueSource(strings = { THREAD_PAGE, TAG_PAGE, LISTING, RUN_TOGETHER })
	void dropsPageChrome(String dump) {
		assertNoChrome(parseDump(dump));
	}

	@ParameterizedTest
	@ValueSource(strings = { THREAD_PAGE, TAG_PAGE, LISTING, RUN_TOGETHER })
	void provenanceLineRangesAreOrderedAndInsideTheFile(String dump) {
		assertProvenanceOrdered(parseDump(dump), Fixtures.read(dump));
	}

	@ParameterizedTest
	@ValueSource(strings = { THREAD_PAGE, TAG_PAGE, LISTING, RUN_TOGETHER })
	void neverThrowsOnPartOfAPage(String dump) {
		assertNeverThrowsOnPartOf(dump, Fixtures.read(dump));
	}

	private static void assertReadsEveryThreadOnce(ParseResult result, String origin, int threads) {
		assertThat(result.failures()).isEmpty();
		assertThat(result.threads()).hasSize(threads);
		assertThat(result.threads()).allSatisfy(t -> {
			assertThat(t.source()).isEqualTo("apple-developer-forums");
			assertThat(t.posts()).isNotEmpty();
			assertThat(t.provenance().origin()).isEqualTo(origin);
		});
		List<String> titles = result.threads().stream().map(ParsedThread::title).filter(t -> t != null).toList();
		assertThat(titles).doesNotHaveDuplicates();
		List<String> bodies = result.threads().stream().map(t -> t.posts().getFirst().body()).toList();
		assertThat(bodies).doesNotHaveDuplicates();
	}

	private static void assertNoChrome(ParseResult result) {
		for (ParsedThread thread : result.threads()) {
			for (String chrome : CHROME) {
				if (thread.title() != null) {
					assertThat(thread.title()).as("title").doesNotStartWith(chrome);
				}
				for (ParsedPost post : thread.posts()) {
					assertThat(post.body()).as("post body").doesNotStartWith(chrome);
					assertThat(post.body().lines()).as("post lines").doesNotContain(chrome);
				}
			}
			for (ParsedPost post : thread.posts()) {
				assertThat(post.body()).doesNotContain("RSS for tag", "Selecting any option", "Posts under");
			}
		}
	}

	private static void assertProvenanceOrdered(ParseResult result, String text) {
		long fileLines = text.lines().count();
		int previousLast = 0;
		for (ParsedThread thread : result.threads()) {
			Provenance p = thread.provenance();
			assertThat(p.firstLine()).isPositive().isLessThanOrEqualTo(p.lastLine());
			assertThat((long) p.lastLine()).isLessThanOrEqualTo(fileLines);
			assertThat(p.firstLine()).as("threads do not overlap").isGreaterThan(previousLast);
			previousLast = p.lastLine();
		}
	}

	private void assertNeverThrowsOnPartOf(String origin, String text) {
		for (int cut = 0; cut < text.length(); cut += Math.max(1, text.length() / 97)) {
			String head = text.substring(0, cut);
			String tail = text.substring(cut);
			assertDoesNotThrow(() -> parser.parse(origin, head), "the text up to " + cut);
			ParseResult rest = assertDoesNotThrow(() -> parser.parse(origin, tail), "the text from " + cut);
			assertThat(rest.failures()
				.stream()
				.filter(f -> f.reason().toLowerCase(Locale.ROOT).startsWith("could not read")))
				.as("no internal error at cut " + cut)
				.isEmpty();
		}
	}

	@Nested
	class ThreadPage {

		private final ParsedThread thread = parseDump(THREAD_PAGE).threads().getFirst();

		@Test
		void isOneFullThreadWithTitleQuestionAndAcceptedAnswer() {
			assertThat(thread.title()).isEqualTo("AVAudioEngine tap stops delivering buffers after a route change"
					+ " with kAudioUnitErr_CannotDoInCurrentContext");
			assertThat(thread.excerpt()).isFalse();
			assertThat(thread.externalId()).isNull();
			assertThat(thread.url()).isNull();
			assertThat(thread.provenance()).isEqualTo(new Provenance(THREAD_PAGE, 1, 55));
			assertThat(thread.posts()).extracting(ParsedPost::role).containsExactly(PostRole.QUESTION, PostRole.ANSWER);

			ParsedPost question = thread.posts().get(0);
			assertThat(question.accepted()).isFalse();
			assertThat(question.body()).startsWith("Our recording app installs a tap")
				.endsWith("is there a supported order for stopping and restarting the engine when the route changes?")
				.doesNotContain("Answered by");

			ParsedPost answer = thread.posts().get(1);
			assertThat(answer.accepted()).isTrue();
			assertThat(answer.author()).isEqualTo("MarlowTheSoundEngineer");
			assertThat(answer.body()).startsWith("After a lot of logging I found it.")
				.endsWith("I hope this saves you a day!")
				.doesNotContain("Accepted Answer");
			// The "Accepted Answer" repeat is not appended to the answer.
			assertThat(answer.body().split("After a lot of logging", -1)).hasSize(2);
		}

	}

	@Nested
	class TagPage {

		private final List<ParsedThread> threads = parseDump(TAG_PAGE).threads();

		@Test
		void pinnedPostKeepsItsUrlAndStatedPlace() {
			ParsedThread pinned = threads.getFirst();
			assertThat(pinned.externalId()).isEqualTo("804417");
			assertThat(pinned.url()).isEqualTo("https://developer.apple.com/forums/thread/804417");
			assertThat(pinned.topic()).isEqualTo("App & System Services");
			assertThat(pinned.subtopic()).isEqualTo("Processes & Concurrency");
			assertThat(pinned.tags()).containsExactly("Background Tasks");
			assertThat(pinned.provenance()).isEqualTo(new Provenance(TAG_PAGE, 1, 20));
			// The signature is part of the pinned post, the page heading below it is not.
			assertThat(pinned.posts().getFirst().body()).startsWith("Background tasks let an app")
				.endsWith("let contact = \"nightjar\" + \"42\" + \"@\" + \"example.org\"");
		}

		@Test
		void everyPostIsUnderThePageTagAndIsAnExcerptWithoutUrl() {
			assertThat(threads).allSatisfy(t -> {
				assertThat(t.tags()).contains("Background Tasks");
				assertThat(t.excerpt()).isTrue();
				assertThat(t.posts()).singleElement().extracting(ParsedPost::role).isEqualTo(PostRole.QUESTION);
			});
			assertThat(threads.subList(1, threads.size())).allSatisfy(t -> assertThat(t.externalId()).isNull());
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				31  | 39  | My BGAppRefreshTask handler is registered
				40  | 47  | Hello,
				48  | 57  | We have an application that schedules
				58  | 66  | I'm working on a podcast app
				67  | 71  | I’m using BGContinuedProcessingTask
				72  | 76  | Hey!
				77  | 79  | To check whether a refresh task was skipped
				80  | 89  | I've noticed that a BGProcessingTask
				90  | 92  | I am trying to run a Core Data migration
				93  | 94  | It looks like BGContinuedProcessingTask
				95  | 104 | I am building a weather widget
				105 | 107 | Hi,
				108 | 109 | I have an enterprise app
				""")
		void splitsRunTogetherPostsWhereOneEndsAndTheNextBegins(int first, int last, String bodyStart) {
			ParsedThread thread = startingWith(threads, bodyStart.strip());
			assertThat(thread.provenance()).isEqualTo(new Provenance(TAG_PAGE, first, last));
		}

		@Test
		void topicBlocksGiveTheirPostsPlaceAndTagsAndLeaveTheBody() {
			ParsedThread podcast = startingWith(threads, "I'm working on a podcast app");
			assertThat(podcast.topic()).isEqualTo("App & System Services");
			assertThat(podcast.subtopic()).isEqualTo("Processes & Concurrency");
			assertThat(podcast.tags()).containsExactly("Background Tasks", "Performance");
			assertThat(podcast.posts().getFirst().body()).endsWith("gives anything from 5 to 28 seconds.");

			ParsedThread cellular = startingWith(threads, "I've noticed");
			assertThat(cellular.tags()).containsExactly("Background Tasks", "Network", "Core Data");
			assertThat(startingWith(threads, "Hi,").tags()).containsExactly("Background Tasks");
		}

		@Test
		void aClosingThankYouStaysWithItsPost() {
			assertThat(startingWith(threads, "I am trying to run a Core Data migration").posts().getFirst().body())
				.endsWith("should the migration be split into batches?\nThanks for helping.");
		}

	}

	@Nested
	class Listing {

		private final List<ParsedThread> threads = parseDump(LISTING).threads();

		@ParameterizedTest
		@CsvSource(delimiter = '|', nullValues = "-",
				textBlock = """
						AVAudioSession interruption never ends after a phone call on iOS 18 | 3 | 0 | 512   | 2025-06 | 21
						Crackling output when the hardware sample rate switches to 48 kHz   | 2 | 1 | 207   | 2025-05 | 27
						Audio Session Programming in Practice                               | 0 | 0 | 9100  | 2025-11 | 39
						AVAudioRecorder meters stuck at -160 dB on macOS?                   | 7 | 0 | 158   | 2026-03 | 45
						AUv3 instrument fails with "CantOpenPluginError" in one host (loads fine in another) | 3 | 0 | 181 | 2026-03 | 57
						The Audio Route Picker’s Unwritten Rules                            | 0 | 0 | 12000 | 2025-07 | 99
						Question about the "kAudioSessionProperty_OtherAudioIsPlaying" constant | 0 | 0 | 17 | -       | 123
						Live Activity playback timer drifts from the audio clock            | 1 | 0 | 91    | 2026-04 | 239
						Naming a voice in the Personal Voice picker, missing on iOS 26      | 4 | 0 | 301   | 2026-02 | 249
						""")
		void rowsKeepTitleCountsAndActivityMonth(String title, int replies, int boosts, int views, String activity,
				int firstLine) {
			ParsedThread thread = threads.stream().filter(t -> title.equals(t.title())).findFirst().orElseThrow();
			assertThat(thread.replies()).isEqualTo(replies);
			assertThat(thread.boosts()).isEqualTo(boosts);
			assertThat(thread.views()).isEqualTo(views);
			assertThat(thread.lastActivityAt()).isEqualTo(activity == null ? null
					: month(Integer.parseInt(activity.substring(0, 4)), Integer.parseInt(activity.substring(5))));
			assertThat(thread.provenance().firstLine()).isEqualTo(firstLine);
		}

		@Test
		void rowsAreExcerptsUnderThePageSubtopic() {
			assertThat(threads).allSatisfy(t -> {
				assertThat(t.subtopic()).isEqualTo("Audio");
				assertThat(t.excerpt()).isTrue();
				assertThat(t.title()).isNotBlank();
				assertThat(t.posts()).singleElement().satisfies(post -> {
					assertThat(post.role()).isEqualTo(PostRole.QUESTION);
					assertThat(post.accepted()).isFalse();
				});
			});
			ParsedThread first = threads.getFirst();
			assertThat(first.provenance()).isEqualTo(new Provenance(LISTING, 21, 26));
			assertThat(first.posts().getFirst().body()).startsWith("Hi all, after a regular phone call ends");
		}

		@Test
		void theSecondRenderingAddsOnlyTheRowsTheFirstLacked() {
			assertThat(threads.stream().filter(t -> t.provenance().firstLine() > 128)).extracting(ParsedThread::title)
				.containsExactly("Live Activity playback timer drifts from the audio clock",
						"Naming a voice in the Personal Voice picker, missing on iOS 26");
		}

		@Test
		void relativeActivityIsDatedFromTheSaveTimeWhenKnown() {
			Clock savedAt = Clock.fixed(Instant.parse("2026-04-20T12:00:00Z"), ZoneOffset.UTC);
			ParsedThread thread = new TextDumpParser(savedAt).parse(LISTING, Fixtures.read(LISTING))
				.threads()
				.stream()
				.filter(t -> t.title().startsWith("Question about the"))
				.findFirst()
				.orElseThrow();
			assertThat(thread.lastActivityAt()).isEqualTo(Instant.parse("2026-04-20T10:00:00Z"));
		}

		@Test
		void windowsLineEndingsBomAndTrailingSpacesChangeNothing() {
			String windows = "\uFEFF" + Fixtures.read(LISTING).replace("\n", "  \r\n");
			ParseResult result = parser.parse(LISTING, windows);
			assertThat(result.threads()).hasSize(20);
			assertThat(result.threads()).extracting(ParsedThread::title)
				.containsExactlyElementsOf(threads.stream().map(ParsedThread::title).toList());
			assertThat(result.threads()).extracting(ParsedThread::provenance)
				.containsExactlyElementsOf(threads.stream().map(ParsedThread::provenance).toList());
		}

	}

	@Nested
	class RunTogetherListing {

		private final List<ParsedThread> threads = parseDump(RUN_TOGETHER).threads();

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				1   | 5   | Hi everyone,
				14  | 30  | I have an iPhone app that records hiking tracks
				31  | 47  | General:
				48  | 56  | I have an issue where our geofences fire twice
				57  | 60  | We are developing a delivery app
				61  | 66  | I see many questions here
				67  | 78  | The delegate API has served for many years
				79  | 85  | Hello,
				86  | 90  | I am currently developing a tracking feature
				91  | 98  | Hey there
				99  | 101 | We’re looking to geocode addresses
				102 | 113 | The app “Trail Recorder”
				114 | 117 | We are having an issue with the location permission
				118 | 120 | Based on the documentation
				121 | 126 | It works when the user grants precise location
				127 | 134 | Hi there,
				135 | 140 | Please consider this small program
				""")
		void splitsPostsThatRunTogether(int first, int last, String bodyStart) {
			ParsedThread thread = startingWith(threads, bodyStart.strip());
			assertThat(thread.provenance()).isEqualTo(new Provenance(RUN_TOGETHER, first, last));
		}

		@Test
		void postsAreUnderThePageSubtopicAndItsTopic() {
			assertThat(threads).allSatisfy(t -> {
				assertThat(t.topic()).isEqualTo("App & System Services");
				assertThat(t.subtopic()).isEqualTo("Maps & Location");
				assertThat(t.excerpt()).isTrue();
			});
		}

		@Test
		void aTitleShownAboveAPostIsKept() {
			assertThat(threads).extracting(ParsedThread::title)
				.filteredOn(t -> t != null)
				.containsExactly("Moving from Delegate Callbacks to Live Updates");
		}

		@Test
		void signaturesAndAttachmentsStayWithTheirPost() {
			assertThat(startingWith(threads, "I see many questions here").posts().getFirst().body())
				.endsWith("let contact = \"nightjar\" + \"42\" + \"@\" + \"example.org\"");
			assertThat(startingWith(threads, "General:").posts().getFirst().body()).contains("Robin “Nightjar” Example")
				.endsWith("enough to find a transcript elsewhere.");
			assertThat(startingWith(threads, "Hi there,").posts().getFirst().body())
				.endsWith("Thanks\ntrail_recorder_crash_2099-03-04_release_build_7f3a9c.txt");
		}

	}

	/**
	 * The real pages the parser was built on, where they are (-Dforumkb.seeds, by default
	 * ../shared/seeds): every thread read once, no chrome, ordered line ranges, no
	 * exception.
	 */
	@Nested
	class RealSeeds {

		static Stream<Arguments> seeds() {
			return Stream.of(Arguments.of("000_", 1), Arguments.of("001_", 21), Arguments.of("002_", 20),
					Arguments.of("003_", 21));
		}

		@ParameterizedTest
		@MethodSource("seeds")
		void readsEveryThreadOnceWithoutChromeInOrderedLineRanges(String prefix, int threads) throws IOException {
			Path file = Seeds.file(prefix);
			String name = file.getFileName().toString();
			String text = Files.readString(file, StandardCharsets.UTF_8);
			ParseResult result = parser.parse(name, text);
			assertReadsEveryThreadOnce(result, name, threads);
			assertNoChrome(result);
			assertProvenanceOrdered(result, text);
			assertNeverThrowsOnPartOf(name, text);
		}

	}

	@Nested
	class EdgeInputs {

		static Stream<Arguments> unreadable() {
			return Stream.of(Arguments.of("empty", ""), Arguments.of("whitespace only", "  \n\t\r\n   \n"),
					Arguments.of("null", null), Arguments.of("BOM only", "\uFEFF\r\n"),
					Arguments.of("only chrome", "XPC\nRSS for tag\nPosts under XPC tag\n72 Posts\n"
							+ "Selecting any option will automatically load the page\nPost\nReplies\nBoosts\nViews\nActivity\n"),
					Arguments.of("column headers only", "Post\r\nReplies\r\nBoosts\r\nViews\r\nActivity\r\n"),
					Arguments.of("one line", "Just a line"),
					Arguments.of("prose without a title", "This is a sentence.\nAnd another one."),
					Arguments.of("marker without text", "Accepted Answer\n"));
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("unreadable")
		void textWithoutAThreadIsReportedNotThrown(String name, String content) {
			ParseResult result = parser.parse("page.txt", content);
			assertThat(result.threads()).isEmpty();
			assertThat(result.failures()).singleElement().satisfies(failure -> {
				assertThat(failure.item()).isEqualTo("page.txt");
				assertThat(failure.reason()).isEqualTo("no thread found in page.txt");
			});
		}

		@Test
		void plainTextDumpIsOneThreadFromAnUnknownSite() {
			ParseResult result = parser.parse("notes.txt",
					"Build fails on CI\r\n\r\nThe build fails with error 65.\r\n");
			assertThat(result.threads()).singleElement().satisfies(t -> {
				assertThat(t.source()).isEqualTo("text-dump");
				assertThat(t.title()).isEqualTo("Build fails on CI");
				assertThat(t.externalId()).isNull();
				assertThat(t.excerpt()).isFalse();
				assertThat(t.provenance()).isEqualTo(new Provenance("notes.txt", 1, 3));
				assertThat(t.posts()).singleElement()
					.extracting(ParsedPost::body)
					.isEqualTo("The build fails with error 65.");
			});
		}

		@Test
		void threadPageWithItsUrlAndOnlyAnAcceptedAnswer() {
			String page = """
					https://forums.developer.apple.com/thread/12345?answerId=9#9
					Keychain access from a daemon
					How do I read the keychain from a launchd daemon?
					Accepted Answer
					Use the System keychain.
					""";
			ParsedThread thread = parser.parse("p.txt", page).threads().getFirst();
			assertThat(thread.source()).isEqualTo("apple-developer-forums");
			assertThat(thread.externalId()).isEqualTo("12345");
			assertThat(thread.url()).isEqualTo("https://developer.apple.com/forums/thread/12345");
			assertThat(thread.title()).isEqualTo("Keychain access from a daemon");
			assertThat(thread.posts()).extracting(ParsedPost::role, ParsedPost::accepted, ParsedPost::body)
				.containsExactly(
						org.assertj.core.groups.Tuple.tuple(PostRole.QUESTION, false,
								"How do I read the keychain from a launchd daemon?"),
						org.assertj.core.groups.Tuple.tuple(PostRole.ANSWER, true, "Use the System keychain."));
		}

		@Test
		void otherTagPagesWorkToo() {
			String page = """
					Core Data
					RSS for tag
					Posts under Core Data tag
					3 Posts
					Post Replies Boosts Views Activity
					Migration crash on launch
					My app crashes during lightweight migration after the update.
					2
					1
					1.2k
					Jan 5, 2026
					Fetch request is slow
					Fetching 10,000 objects takes seconds.
					Topic:
					App & System Services
					SubTopic:
					Core OS
					Tags:
					Core Data
					Performance
					0
					0
					1,024
					Dec '24
					""";
			List<ParsedThread> threads = parser.parse("core-data.txt", page).threads();
			assertThat(threads).extracting(ParsedThread::title)
				.containsExactly("Migration crash on launch", "Fetch request is slow");
			assertThat(threads.get(0).lastActivityAt()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
			assertThat(threads.get(0).views()).isEqualTo(1200);
			assertThat(threads.get(0).tags()).containsExactly("Core Data");
			assertThat(threads.get(1).views()).isEqualTo(1024);
			assertThat(threads.get(1).lastActivityAt()).isEqualTo(month(2024, 12));
			assertThat(threads.get(1).subtopic()).isEqualTo("Core OS");
			assertThat(threads.get(1).tags()).containsExactly("Core Data", "Performance");
			assertThat(threads.get(1).posts().getFirst().body()).isEqualTo("Fetching 10,000 objects takes seconds.");
		}

	}

	@Nested
	class Values {

		@ParameterizedTest
		@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
				Jun ’25       | 2025-06-01T00:00:00Z
				Jun '25       | 2025-06-01T00:00:00Z
				Sep 2024      | 2024-09-01T00:00:00Z
				Mar 14, 2025  | 2025-03-14T00:00:00Z
				2025-03-07    | 2025-03-07T00:00:00Z
				2h            | -
				Feb 30, 2025  | -
				""")
		void activityDates(String shown, Instant expected) {
			String key = DumpLine.keyOf(shown);
			assertThat(ForumValues.isActivityDate(key)).isTrue();
			assertThat(ForumValues.activityDate(key, null)).isEqualTo(expected);
		}

		@ParameterizedTest
		@CsvSource({ "478,478", "8.4k,8400", "14k,14000", "'1,024',1024", "1.2M,1200000" })
		void counts(String shown, int expected) {
			assertThat(ForumValues.count(shown)).contains(expected);
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
				478 views          | 478
				Views: 1,234.      | 1234
				1.2k               | 1200
				seen 3 M times     | 3000000
				1.2.3              | -
				no number          | -
				""")
		void countsInRunningText(String text, Integer expected) {
			assertThat(ForumValues.countIn(text)).isEqualTo(expected);
		}

	}

}
