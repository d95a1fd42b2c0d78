package forumkb.ingest.parse;

import forumkb.Seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

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

class TextDumpParserTests {

    private static final String THREAD_PAGE = "000_3134afc56167cc93.txt";
    private static final String TAG_PAGE = "001_7350fc3f949664dc.txt";
    private static final String LISTING = "002_703c9c97eb8f8be6.txt";
    private static final String RUN_TOGETHER = "003_593caa0add658be1.txt";

    /** Lines that are page furniture; none may open a post or be a title. */
    private static final List<String> CHROME = List.of("RSS for tag", "Posts under", "72 Posts",
            "Selecting any option will automatically load the page", "Post", "Replies", "Boosts", "Views",
            "Activity", "Accepted Answer", "Answered by", "Topic:", "SubTopic:", "Tags:");

    private final TextDumpParser parser = new TextDumpParser();

    static String seed(String name) {
        try {
            return Files.readString(Seeds.dir().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("seed " + name + " not readable under " + Seeds.dir(), e);
        }
    }

    private ParseResult parseSeed(String name) {
        return parser.parse(name, seed(name));
    }

    private static Instant month(int year, int month) {
        return Instant.parse("%d-%02d-01T00:00:00Z".formatted(year, month));
    }

    private static ParsedThread startingWith(List<ParsedThread> threads, String bodyStart) {
        return threads.stream().filter(t -> t.posts().getFirst().body().startsWith(bodyStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no thread whose post starts with: " + bodyStart));
    }

    @ParameterizedTest
    @CsvSource({THREAD_PAGE + ",1", TAG_PAGE + ",21", LISTING + ",20", RUN_TOGETHER + ",21"})
    void readsEveryThreadOfEachSeedOnce(String seed, int threads) {
        ParseResult result = parseSeed(seed);

        assertThat(result.failures()).isEmpty();
        assertThat(result.threads()).hasSize(threads);
        assertThat(result.threads()).allSatisfy(t -> {
            assertThat(t.source()).isEqualTo("apple-developer-forums");
            assertThat(t.posts()).isNotEmpty();
            assertThat(t.provenance().origin()).isEqualTo(seed);
        });
        List<String> titles = result.threads().stream().map(ParsedThread::title).filter(t -> t != null).toList();
        assertThat(titles).doesNotHaveDuplicates();
        List<String> bodies = result.threads().stream().map(t -> t.posts().getFirst().body()).toList();
        assertThat(bodies).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(strings = {THREAD_PAGE, TAG_PAGE, LISTING, RUN_TOGETHER})
    void dropsPageChrome(String seed) {
        for (ParsedThread thread : parseSeed(seed).threads()) {
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

    @ParameterizedTest
    @ValueSource(strings = {THREAD_PAGE, TAG_PAGE, LISTING, RUN_TOGETHER})
    void provenanceLineRangesAreOrderedAndInsideTheFile(String seed) {
        long fileLines = seed(seed).lines().count();
        int previousLast = 0;
        for (ParsedThread thread : parseSeed(seed).threads()) {
            Provenance p = thread.provenance();
            assertThat(p.firstLine()).isPositive().isLessThanOrEqualTo(p.lastLine());
            assertThat((long) p.lastLine()).isLessThanOrEqualTo(fileLines);
            assertThat(p.firstLine()).as("threads do not overlap").isGreaterThan(previousLast);
            previousLast = p.lastLine();
        }
    }

    @Nested
    class ThreadPage {

        private final ParsedThread thread = parseSeed(THREAD_PAGE).threads().getFirst();

        @Test
        void isOneFullThreadWithTitleQuestionAndAcceptedAnswer() {
            assertThat(thread.title())
                    .isEqualTo("CXProvider.reportNewIncomingVoIPPushPayload resulting in NSXPCConnectionInterrupted");
            assertThat(thread.excerpt()).isFalse();
            assertThat(thread.externalId()).isNull();
            assertThat(thread.url()).isNull();
            assertThat(thread.provenance()).isEqualTo(new Provenance(THREAD_PAGE, 1, 79));
            assertThat(thread.posts()).extracting(ParsedPost::role).containsExactly(PostRole.QUESTION, PostRole.ANSWER);

            ParsedPost question = thread.posts().get(0);
            assertThat(question.accepted()).isFalse();
            assertThat(question.body()).startsWith("We have just been granted access")
                    .endsWith("when calling reportNewIncomingVoIPPushPayload(_:) async throws?")
                    .doesNotContain("Answered by");

            ParsedPost answer = thread.posts().get(1);
            assertThat(answer.accepted()).isTrue();
            assertThat(answer.author()).isEqualTo("UltraHorizonAW");
            assertThat(answer.body()).startsWith("A bit of log trawling later")
                    .endsWith("I hope this helps!")
                    .doesNotContain("Accepted Answer");
            // The "Accepted Answer" repeat is not appended to the answer.
            assertThat(answer.body().split("A bit of log trawling later", -1)).hasSize(2);
        }
    }

    @Nested
    class TagPage {

        private final List<ParsedThread> threads = parseSeed(TAG_PAGE).threads();

        @Test
        void pinnedPostKeepsItsUrlAndStatedPlace() {
            ParsedThread pinned = threads.getFirst();
            assertThat(pinned.externalId()).isEqualTo("708877");
            assertThat(pinned.url()).isEqualTo("https://developer.apple.com/forums/thread/708877");
            assertThat(pinned.topic()).isEqualTo("App & System Services");
            assertThat(pinned.subtopic()).isEqualTo("Processes & Concurrency");
            assertThat(pinned.tags()).containsExactly("XPC");
            assertThat(pinned.provenance()).isEqualTo(new Provenance(TAG_PAGE, 1, 27));
            // The signature is part of the pinned post, the page heading below it is not.
            assertThat(pinned.posts().getFirst().body()).startsWith("XPC is the preferred")
                    .endsWith("let myEmail = \"eskimo\" + \"1\" + \"@\" + \"apple.com\"");
        }

        @Test
        void everyPostIsUnderThePageTagAndIsAnExcerptWithoutUrl() {
            assertThat(threads).allSatisfy(t -> {
                assertThat(t.tags()).contains("XPC");
                assertThat(t.excerpt()).isTrue();
                assertThat(t.posts()).singleElement().extracting(ParsedPost::role).isEqualTo(PostRole.QUESTION);
            });
            assertThat(threads.subList(1, threads.size())).allSatisfy(t -> assertThat(t.externalId()).isNull());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                38  | 52  | I have a custom object which gets passed back
                53  | 76  | Hello,
                77  | 105 | We have an application that sets a code signing requirement
                106 | 114 | I'm working on a Mac app that receives a process ID
                115 | 120 | I’m using a custom Installer plug-in
                121 | 142 | I am trying to send an anonymous XPC listener endpoint
                143 | 174 | Hey!
                175 | 177 | To validate incoming XPC connections
                178 | 193 | I have a project that leverages XPC
                194 | 198 | To gain exclusive access to keyboard HID devices
                199 | 210 | I've discovered that a system network extension
                211 | 212 | I am trying to create an app bundle with an xpc service.
                213 | 219 | I am building a tool
                220 | 221 | An XPC service’s process has a system-managed lifecycle
                222 | 265 | Hello, I am having some issues with running an XPC server
                266 | 267 | It looks like ExtensionKit
                268 | 276 | I am developing a background application
                277 | 279 | Hi,
                280 | 282 | I have an outside Mac App Store app.
                283 | 285 | I have an accessory with MFi authenticaiton
                """)
        void splitsRunTogetherPostsWhereOneEndsAndTheNextBegins(int first, int last, String bodyStart) {
            ParsedThread thread = startingWith(threads, bodyStart.strip());
            assertThat(thread.provenance()).isEqualTo(new Provenance(TAG_PAGE, first, last));
        }

        @Test
        void topicBlocksGiveTheirPostsPlaceAndTagsAndLeaveTheBody() {
            ParsedThread processId = startingWith(threads, "I'm working on a Mac app");
            assertThat(processId.topic()).isEqualTo("App & System Services");
            assertThat(processId.subtopic()).isEqualTo("Processes & Concurrency");
            assertThat(processId.tags()).containsExactly("XPC", "Inter-process communication");
            assertThat(processId.posts().getFirst().body()).endsWith("relying on the folder structure.");

            ParsedThread agents = startingWith(threads, "I've discovered");
            assertThat(agents.tags())
                    .containsExactly("Service Management", "XPC", "System Extensions", "Network Extension");
            assertThat(startingWith(threads, "Hi,").tags()).containsExactly("XPC");
        }
    }

    @Nested
    class Listing {

        private final List<ParsedThread> threads = parseSeed(LISTING).threads();

        @ParameterizedTest
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                Real-Time WatchConnectivity Sync Not Working Between iPhone and Apple Watch | 1 | 0 | 478   | 2025-06 | 21
                App occassionally crashing while connecting to public wifi                  | 2 | 0 | 104   | 2025-05 | 27
                TLS for App Developers                                                      | 0 | 0 | 8400  | 2025-11 | 39
                test NEAppProxyProvider without MDM?                                        | 9 | 0 | 171   | 2026-03 | 45
                Matter OTA on TestNet: HomePod always replies "UpdateNotAvailable" (Device is already CSA Certified) | 3 | 0 | 176 | 2026-03 | 57
                NSURLSession’s Resume Rate Limiter                                          | 0 | 0 | 14000 | 2025-07 | 99
                Consult about the "CNCopyCurrentNetworkInfo" interface                      | 0 | 0 | 13    | -       | 123
                URL Filter OHTTP Gateway                                                    | 1 | 0 | 88    | 2026-04 | 239
                Labeling an eSIM during the installation wizard, not present on iOS 26      | 4 | 0 | 288   | 2026-02 | 249
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
                assertThat(t.subtopic()).isEqualTo("Networking");
                assertThat(t.excerpt()).isTrue();
                assertThat(t.title()).isNotBlank();
                assertThat(t.posts()).singleElement().satisfies(post -> {
                    assertThat(post.role()).isEqualTo(PostRole.QUESTION);
                    assertThat(post.accepted()).isFalse();
                });
            });
            ParsedThread first = threads.getFirst();
            assertThat(first.provenance()).isEqualTo(new Provenance(LISTING, 21, 26));
            assertThat(first.posts().getFirst().body()).startsWith("Hi everyone, I'm building a health-focused");
        }

        @Test
        void theSecondRenderingAddsOnlyTheRowsTheFirstLacked() {
            assertThat(threads.stream().filter(t -> t.provenance().firstLine() > 128))
                    .extracting(ParsedThread::title)
                    .containsExactly("URL Filter OHTTP Gateway",
                            "Labeling an eSIM during the installation wizard, not present on iOS 26");
        }

        @Test
        void relativeActivityIsDatedFromTheSaveTimeWhenKnown() {
            Clock savedAt = Clock.fixed(Instant.parse("2026-04-20T12:00:00Z"), ZoneOffset.UTC);
            ParsedThread thread = new TextDumpParser(savedAt).parse(LISTING, seed(LISTING)).threads().stream()
                    .filter(t -> t.title().startsWith("Consult about")).findFirst().orElseThrow();
            assertThat(thread.lastActivityAt()).isEqualTo(Instant.parse("2026-04-20T10:00:00Z"));
        }

        @Test
        void windowsLineEndingsBomAndTrailingSpacesChangeNothing() {
            String windows = "\uFEFF" + seed(LISTING).replace("\n", "  \r\n");
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

        private final List<ParsedThread> threads = parseSeed(RUN_TOGETHER).threads();

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                1    | 5    | Hi everyone,
                14   | 45   | I have an iPhone app which relies heavily on TCP/IP
                46   | 104  | General:
                105  | 113  | I have an issue that causes multiple instances
                114  | 118  | Have you ever encountered the issue
                119  | 121  | I am running a full-tunnel VPN
                122  | 135  | I develop a Network Extension
                136  | 141  | Our app receives real-time GPS
                142  | 148  | We have an iOS companion app
                149  | 154  | I see a lot of folks
                155  | 658  | Multipeer Connectivity has a number of drawbacks:
                659  | 710  | Hello,
                711  | 844  | I am currently developing a custom-protocol VPN
                845  | 853  | Hey there
                854  | 856  | We’re looking to implement a custom IPSec IKEv2 VPN
                857  | 945  | The app “Wi-Fi Aware Sample”
                946  | 959  | We are having an issue with the Local Network permission
                960  | 963  | Based on https://developer.apple.com/documentation/networkextension
                964  | 1001 | It works when one device is only a publisher
                1002 | 1018 | Hi there,
                1019 | 1139 | Please consider this trivial C code
                """)
        void splitsPostsThatRunTogether(int first, int last, String bodyStart) {
            ParsedThread thread = startingWith(threads, bodyStart.strip());
            assertThat(thread.provenance()).isEqualTo(new Provenance(RUN_TOGETHER, first, last));
        }

        @Test
        void postsAreUnderThePageSubtopicAndItsTopic() {
            assertThat(threads).allSatisfy(t -> {
                assertThat(t.topic()).isEqualTo("App & System Services");
                assertThat(t.subtopic()).isEqualTo("Networking");
                assertThat(t.excerpt()).isTrue();
            });
        }

        @Test
        void aTitleShownAboveAPostIsKept() {
            assertThat(threads).extracting(ParsedThread::title).filteredOn(t -> t != null)
                    .containsExactly("Moving from Multipeer Connectivity to Network Framework");
        }

        @Test
        void signaturesAndAttachmentsStayWithTheirPost() {
            assertThat(startingWith(threads, "I see a lot of folks").posts().getFirst().body())
                    .endsWith("let myEmail = \"eskimo\" + \"1\" + \"@\" + \"apple.com\"");
            assertThat(startingWith(threads, "General:").posts().getFirst().body())
                    .contains("Quinn “The Eskimo!”").endsWith("locate other sources of this info.");
            assertThat(startingWith(threads, "Hi there,").posts().getFirst().body())
                    .endsWith("Thanks\ncom.kitabisa.ios_issue_dd3c71c96cddb5bb99874640746439d6_crash_session_"
                            + "de9bb41c2b7e43fa9ccfc42e0f649aa3_DNE_0_v2_stacktrace.txt");
        }
    }

    @Nested
    class EdgeInputs {

        static Stream<Arguments> unreadable() {
            return Stream.of(
                    Arguments.of("empty", ""),
                    Arguments.of("whitespace only", "  \n\t\r\n   \n"),
                    Arguments.of("null", null),
                    Arguments.of("BOM only", "\uFEFF\r\n"),
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
            ParseResult result = parser.parse("notes.txt", "Build fails on CI\r\n\r\nThe build fails with error 65.\r\n");
            assertThat(result.threads()).singleElement().satisfies(t -> {
                assertThat(t.source()).isEqualTo("text-dump");
                assertThat(t.title()).isEqualTo("Build fails on CI");
                assertThat(t.externalId()).isNull();
                assertThat(t.excerpt()).isFalse();
                assertThat(t.provenance()).isEqualTo(new Provenance("notes.txt", 1, 3));
                assertThat(t.posts()).singleElement().extracting(ParsedPost::body)
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

        @ParameterizedTest
        @ValueSource(strings = {THREAD_PAGE, TAG_PAGE, LISTING, RUN_TOGETHER})
        void neverThrowsOnPartOfAPage(String seed) {
            String text = seed(seed);
            for (int cut = 0; cut < text.length(); cut += Math.max(1, text.length() / 97)) {
                String head = text.substring(0, cut);
                String tail = text.substring(cut);
                assertThatNoException().isThrownBy(() -> {
                    parser.parse(seed, head);
                    parser.parse(seed, tail);
                });
                assertThat(parser.parse(seed, tail).failures().stream()
                        .filter(f -> f.reason().toLowerCase(Locale.ROOT).startsWith("could not read")))
                        .as("no internal error at cut " + cut).isEmpty();
            }
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
        @CsvSource({"478,478", "8.4k,8400", "14k,14000", "'1,024',1024", "1.2M,1200000"})
        void counts(String shown, int expected) {
            assertThat(ForumValues.count(shown)).contains(expected);
        }
    }
}
