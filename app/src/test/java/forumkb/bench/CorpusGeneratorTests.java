package forumkb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CorpusGeneratorTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int THREADS = 5_000;

	private static List<String> lines;

	private static List<JsonNode> threads;

	@BeforeAll
	static void generate() {
		lines = generate(42, THREADS).lines().toList();
		threads = lines.stream().map(JSON::readTree).toList();
	}

	private static String generate(long seed, int count) {
		StringWriter out = new StringWriter();
		new CorpusGenerator(seed).writeJsonLines(count, out);
		return out.toString();
	}

	@Test
	void sameSeedGivesIdenticalOutput() {
		assertThat(generate(42, 300)).isEqualTo(String.join("\n", lines.subList(0, 300)) + "\n");
	}

	@Test
	void differentSeedsGiveDifferentThreads() {
		List<String> other = generate(43, 300).lines().toList();
		assertThat(other).hasSize(300);
		long sameTitles = 0;
		for (int i = 0; i < 300; i++) {
			if (JSON.readTree(other.get(i)).path("title").asString().equals(threads.get(i).path("title").asString())) {
				sameTitles++;
			}
		}
		assertThat(sameTitles).isLessThan(30);
	}

	@Test
	void writesOneCanonicalThreadPerLine() {
		assertThat(lines).hasSize(THREADS);
		for (JsonNode thread : threads) {
			for (String field : List.of("source", "externalId", "url", "title", "topic", "subtopic", "createdAt",
					"lastActivityAt")) {
				assertThat(thread.path(field).asString()).as(field).isNotBlank();
			}
			assertThat(thread.path("tags").isArray()).isTrue();
			assertThat(thread.path("replies").asInt()).isEqualTo(thread.path("posts").size() - 1);
			JsonNode first = thread.path("posts").get(0);
			assertThat(first.path("body").asString()).isNotBlank();
			assertThat(first.path("role").asString()).isEqualTo("question");
			for (JsonNode post : thread.path("posts")) {
				assertThat(post.path("role").asString()).isIn("question", "answer", "comment");
				assertThat(post.path("author").asString()).isNotBlank();
				Instant.parse(post.path("createdAt").asString());
				if (post.path("accepted").asBoolean()) {
					assertThat(post.path("role").asString()).isEqualTo("answer");
				}
			}
		}
	}

	@Test
	void datesFallWithin2022To2026AndActivityFollowsCreation() {
		for (JsonNode thread : threads) {
			Instant created = Instant.parse(thread.path("createdAt").asString());
			Instant last = Instant.parse(thread.path("lastActivityAt").asString());
			assertThat(created).isAfterOrEqualTo(Instant.parse("2022-01-01T00:00:00Z"));
			assertThat(last).isAfterOrEqualTo(created).isBefore(Instant.parse("2027-01-01T00:00:00Z"));
		}
	}

	@Test
	void postCountsAreRealistic() {
		int total = 0;
		Set<Integer> seen = new HashSet<>();
		for (JsonNode thread : threads) {
			int posts = thread.path("posts").size();
			assertThat(posts).isBetween(1, 12);
			seen.add(posts);
			total += posts;
		}
		assertThat((double) total / THREADS).isBetween(5.0, 6.5);
		assertThat(seen).contains(1, 12);
	}

	@Test
	void externalIdsAndUrlsAreUnique() {
		Set<String> ids = new HashSet<>();
		Set<String> urls = new HashSet<>();
		for (JsonNode thread : threads) {
			assertThat(ids.add(thread.path("externalId").asString())).isTrue();
			assertThat(urls.add(thread.path("url").asString())).isTrue();
		}
		assertThat(ids).contains("gen-42-1", "gen-42-" + THREADS);
	}

	@Test
	void bodiesCarryErrorDumpsCrashFramesLogsAndCode() {
		int bodies = 0;
		int dumps = 0;
		int crashes = 0;
		int logs = 0;
		int code = 0;
		long characters = 0;
		for (JsonNode thread : threads) {
			for (JsonNode post : thread.path("posts")) {
				String body = post.path("body").asString();
				bodies++;
				characters += body.length();
				dumps += body.matches("(?s).*Error Domain=\\S+ Code=-?\\d+ \".*") ? 1 : 0;
				crashes += body.contains("Exception Type:")
						&& body.matches("(?s).*Thread \\d+ Crashed:\n0 .*0x[0-9a-f]{16} .*") ? 1 : 0;
				logs += body.matches("(?s).*\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+0000 .*") ? 1 : 0;
				code += body.contains("```swift") || body.contains("```objc") || body.contains("```c\n") ? 1 : 0;
			}
		}
		assertThat(dumps).isGreaterThan(bodies / 20);
		assertThat(crashes).isGreaterThan(bodies / 100);
		assertThat(logs).isGreaterThan(bodies / 20);
		assertThat(code).isGreaterThan(bodies / 20);
		assertThat(characters / bodies).isBetween(200L, 2_000L);
	}

	@Test
	void nextThreadJsonIsOneLineOfTheSameStream() {
		CorpusGenerator generator = new CorpusGenerator(42);
		String first = generator.nextThreadJson();
		assertThat(first).doesNotContain("\n").isEqualTo(lines.getFirst());
		assertThat(generator.nextThread().externalId()).isEqualTo("gen-42-2");
	}

	@Test
	void everyThemeSheetParses() {
		Theme[] themes = Theme.load("/bench/themes.txt");
		assertThat(themes).hasSizeGreaterThanOrEqualTo(12);
		assertThat(themes).extracting(Theme::key).doesNotHaveDuplicates();
	}

}
