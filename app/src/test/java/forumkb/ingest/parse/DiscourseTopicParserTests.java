package forumkb.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscourseTopicParserTests {

	private final DiscourseTopicParser parser = new DiscourseTopicParser();

	private ParsedThread only(String origin) {
		ParseResult result = parser.parse(origin, Fixtures.read("discourse-topic.json"));
		assertThat(result.failures()).isEmpty();
		assertThat(result.threads()).hasSize(1);
		return result.threads().get(0);
	}

	@Test
	void readsTopicHeader() {
		ParsedThread thread = only("https://forums.example.dev/t/88231.json");

		assertThat(thread.source()).isEqualTo("forums.example.dev");
		assertThat(thread.externalId()).isEqualTo("88231");
		assertThat(thread.url()).isEqualTo(
				"https://forums.example.dev/t/nsurlerrordomain-1200-with-kcfstreamerrorcodekey-9802-on-staging/88231");
		assertThat(thread.title()).isEqualTo("NSURLErrorDomain -1200 with _kCFStreamErrorCodeKey -9802 on staging");
		assertThat(thread.tags()).containsExactly("tls", "ios");
		assertThat(thread.createdAt()).isEqualTo(Instant.parse("2024-10-07T14:03:11.287Z"));
		assertThat(thread.lastActivityAt()).isEqualTo(Instant.parse("2024-10-09T07:12:00Z"));
		assertThat(thread.replies()).isEqualTo(4);
		assertThat(thread.boosts()).isEqualTo(11);
		assertThat(thread.views()).isEqualTo(913);
		// post_stream holds 4 of the 5 posts: the rest is not here, so this is an
		// excerpt.
		assertThat(thread.excerpt()).isTrue();
	}

	@Test
	void readsPostsRolesAndAcceptedAnswerSkippingDeletedOnes() {
		ParsedThread thread = only("topic.json");

		assertThat(thread.posts()).extracting(ParsedPost::author, ParsedPost::role, ParsedPost::accepted)
			.containsExactly(tuple("priya_net", PostRole.QUESTION, false), tuple("certsmith", PostRole.ANSWER, false),
					tuple("priya_net", PostRole.ANSWER, true));
		assertThat(thread.posts().get(2).createdAt()).isEqualTo(Instant.parse("2024-10-08T09:41:27.118Z"));
		assertThat(thread.posts().get(2).body()).isEqualTo(
				"The staging certificate was signed with SHA-1. Reissued it with SHA-256 and ATS is happy & the error is gone.");
		assertThat(thread.posts().get(0).body()).contains("""
				Task <5C1F...>.<1> finished with error [-1200] Error Domain=NSURLErrorDomain Code=-1200
				    "An SSL error has occurred and a secure connection to the server cannot be made."
				    _kCFStreamErrorCodeKey=-9802, _kCFStreamErrorDomainKey=3""");
	}

	@Test
	void withoutAnOriginUrlTheSourceIsDiscourseAndThereIsNoUrl() {
		ParsedThread thread = only("exports/88231.json");

		assertThat(thread.source()).isEqualTo("discourse");
		assertThat(thread.url()).isNull();
		assertThat(thread.externalId()).isEqualTo("88231");
		assertThat(thread.provenance()).isEqualTo(Provenance.of("exports/88231.json"));
	}

	@Test
	void topicLevelAcceptedAnswerMarksThePostWhenThePostDoesNotSaySo() {
		String json = Fixtures.read("discourse-topic.json")
			.replace("\"accepted_answer\": true", "\"accepted_answer\": false");

		ParsedThread thread = parser.parse("t.json", json).threads().get(0);

		assertThat(thread.posts()).extracting(ParsedPost::accepted).containsExactly(false, false, true);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "''                                   | empty Discourse topic document",
					"'{\"id\": 5, \"title\": \"No posts\"}' | not a Discourse topic: no post_stream.posts array",
					"'{\"post_stream\": {\"posts\": {}}}' | not a Discourse topic: no post_stream.posts array",
					"'[1, 2, 3]'                          | a Discourse topic is a JSON object, found ARRAY",
					"'{\"post_stream\": {\"posts\": []}}' | Discourse topic has neither a title nor a post with text",
					"'{\"post_stream\": {\"posts\": [ '     | not valid JSON at line 1, column",
					"'<html>not json</html>'              | not valid JSON at line 1, column", })
	void badInputIsAFailureWithAReason(String content, String reason) {
		Fixtures.assertFailsWith(parser.parse("topic.json", content), reason);
	}

}
