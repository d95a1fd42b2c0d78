package forumkb.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import forumkb.HttpClientSupport;
import forumkb.InFirstJvm;
import forumkb.TestAccounts;
import forumkb.account.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The search index follows every committed change of the threads, whatever order
 * transactions commit in, and no thread stops it: threads are written through the API, or
 * through the app's own connections where a test must hold a transaction open or write
 * what ingest would refuse.
 * <p>
 * Its own application: it rebuilds the index, holds transactions open and judges "caught
 * up" against every change in the database, so another class's threads and rebuilds in a
 * shared one would make those checks race them.
 */
@InFirstJvm
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "forumkb.index.merge-after=10000")
class ChangeFeedTests {

	private static final Duration INDEXED = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SearchIndex index;

	HttpClientSupport http;

	/**
	 * The source of the threads written straight to the database, made before a test
	 * holds a transaction open.
	 */
	long sourceId;

	@BeforeEach
	void client() {
		http = new HttpClientSupport(port, TestAccounts.token(application, Role.ENGINEER));
		sourceId = jdbc.queryForObject("""
				insert into source (name) values ('change-feed-sql')
				on conflict (name) do update set name = excluded.name returning id""", Long.class);
	}

	@Test
	void aFortyThousandCharacterWordNeitherStopsTheIndexNorKeepsItsThreadOut() throws Exception {
		String bigWords = word();
		String giant = "Q" + "x".repeat(40_000);
		String camelGiant = "NSGiant" + "Part".repeat(10_000);
		ingest(thread(word(), "Crash log pasted whole " + bigWords, giant + " then " + camelGiant + " " + bigWords));
		String normal = word();
		ingest(thread(word(), "Keychain item not found " + normal, "errSecItemNotFound " + normal));

		await().atMost(INDEXED).until(() -> found(normal));
		assertThat(found(bigWords)).as("the big thread, by its other words").isTrue();

		index.rebuild();
		assertThat(found(normal)).isTrue();
		assertThat(found(bigWords)).as("a rebuild takes the big thread too").isTrue();
	}

	@Test
	void aThreadTheIndexCannotTakeIsReportedAndTheOnesAfterItAreSearchable() throws Exception {
		long refused;
		try (Connection connection = dataSource.getConnection()) {
			// An entity with an empty value: extraction never writes one, and a facet
			// cannot hold it.
			refused = insertThread(connection, word());
			try (PreparedStatement entity = connection.prepareStatement("""
					insert into thread_entity (thread_id, kind, raw_value, normalized_value, start_offset, end_offset)
					values (?, 'api-type', '', '', 0, 0)""")) {
				entity.setLong(1, refused);
				entity.executeUpdate();
			}
		}
		String after = word();
		ingest(thread(word(), "Thread after an unindexable one " + after, "it is searchable " + after));

		await().atMost(INDEXED).until(() -> found(after));
		JsonNode status = http.get("/api/admin/index").json();
		List<JsonNode> errors = new ArrayList<>();
		status.get("indexErrors").forEach(errors::add);
		assertThat(errors).anySatisfy(error -> {
			assertThat(error.get("threadId").asLong()).isEqualTo(refused);
			assertThat(error.get("change").asLong()).isPositive();
			assertThat(error.get("reason").asString()).isNotBlank();
		});
	}

	/**
	 * The brief's race: A takes a change and stays open, B takes a later one and commits,
	 * the index catches up with B; A commits last and must not be passed over. B gets its
	 * transaction id before A, as a transaction that began earlier but wrote later would.
	 */
	@Test
	void aChangeCommittedAfterALaterOneIsStillIndexed() throws Exception {
		String wordA = word();
		String wordB = word();
		try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection()) {
			a.setAutoCommit(false);
			b.setAutoCommit(false);
			beginWriting(b);
			insertThread(a, wordA);
			insertThread(b, wordB);
			b.commit();

			await().atMost(INDEXED).until(() -> found(wordB));
			assertThat(found(wordA)).isFalse();
			a.commit();
		}
		await().atMost(INDEXED).until(() -> found(wordA));
	}

	/**
	 * A transaction that stays open holds back the changes committed after it: they are
	 * searchable once it ends, and until then the index does not claim to be caught up.
	 */
	@Test
	void changesCommittedWhileAnOlderTransactionIsOpenWaitForItAndAreNotCaughtUp() throws Exception {
		String wordA = word();
		String wordB = word();
		try (Connection a = dataSource.getConnection()) {
			a.setAutoCommit(false);
			insertThread(a, wordA);
			ingest(thread(word(), "Committed while another is open " + wordB, wordB));

			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(5))
				.until(() -> !status().get("caughtUp").asBoolean());
			a.commit();
		}
		await().atMost(INDEXED).until(() -> found(wordA) && found(wordB));
		await().atMost(INDEXED).until(() -> status().get("caughtUp").asBoolean());
	}

	/**
	 * Whenever the index says it is caught up, the last thread written is searchable:
	 * checked again and again while a backlog of a few thousand threads drains.
	 */
	@Test
	void caughtUpMeansTheLastChangeIsSearchable() {
		List<String> lines = new ArrayList<>();
		String last = null;
		for (int i = 0; i < 3_000; i++) {
			last = word();
			lines.add(thread(word(), "Backlog thread " + last, "backlog body " + last));
		}
		ingest(String.join("\n", lines));
		String lastWord = last;
		await().atMost(INDEXED).until(() -> {
			if (!status().get("caughtUp").asBoolean()) {
				return false;
			}
			assertThat(found(lastWord)).as("caught up, so the last thread is searchable").isTrue();
			return true;
		});
	}

	private JsonNode status() {
		return http.get("/api/admin/index").json();
	}

	private boolean found(String word) {
		JsonNode result = http.get("/api/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)).json();
		return result.get("total").asLong() > 0;
	}

	private void ingest(String jsonLines) {
		HttpClientSupport.Response response = http.upload("/api/ingest", "threads.jsonl", jsonLines);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("failed").asInt()).as(response.body()).isZero();
	}

	private static String thread(String id, String title, String body) {
		return """
				{"source": "change-feed", "externalId": "%s", "title": "%s",
				 "posts": [{"author": "dev", "body": "%s", "role": "question"}]}""".formatted(id, title, body)
			.replace("\n", " ");
	}

	/**
	 * A word no other thread has: letters and digits, so no analyzer stems or splits it.
	 */
	private static String word() {
		return "w" + ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
	}

	/** Makes the transaction take its id now, before it writes anything. */
	private static void beginWriting(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select pg_current_xact_id()")) {
			statement.executeQuery().close();
		}
	}

	/**
	 * A thread written as ingest writes one (its change number and writer from the column
	 * defaults).
	 */
	private long insertThread(Connection connection, String word) throws SQLException {
		long thread;
		try (PreparedStatement statement = connection.prepareStatement("""
				insert into thread (source_id, external_id, thread_key, content_hash, title, excerpt)
				values (?, ?, ?, ?, ?, false) returning id""")) {
			statement.setLong(1, sourceId);
			statement.setString(2, word);
			statement.setString(3, "change-feed-sql:" + word);
			statement.setString(4, word);
			statement.setString(5, "Written straight to the database " + word);
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				thread = row.getLong(1);
			}
		}
		try (PreparedStatement statement = connection.prepareStatement("""
				insert into post (thread_id, position, body, role) values (?, 0, ?, 'question')""")) {
			statement.setLong(1, thread);
			statement.setString(2, "A post that mentions " + word);
			statement.executeUpdate();
		}
		return thread;
	}

}
