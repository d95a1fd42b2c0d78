package forumkb.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

import forumkb.HttpClientSupport;
import forumkb.TestAccounts;
import forumkb.account.Role;
import forumkb.index.ChangePosition;
import forumkb.index.IndexFeed;
import forumkb.index.IndexedThread;
import forumkb.index.SearchIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The sentence vectors are computed once: stored in PostgreSQL, loaded by a restart, a
 * rebuild or a second node, embedded again only for changed texts or another layout; the
 * backlog waits for searches in progress and shows its progress to admins. Shares the
 * context of {@link TriageApiTests} (demo corpus, embeddings on) and leaves the vectors
 * open and caught up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "forumkb.demo.enabled=true", "forumkb.triage.embeddings.enabled=true" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreadVectorsTests {

	private static final String QUERY = "the content filter never gets enabled, saving its preferences hangs";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext application;

	@Autowired
	ThreadVectors vectors;

	@Autowired
	SentenceEmbeddings embeddings;

	@Autowired
	IndexFeed feed;

	@Autowired
	SearchIndex index;

	@Autowired
	StoredVectors stored;

	@Autowired
	JdbcTemplate jdbc;

	float[] query;

	@BeforeAll
	void demoEmbedded() {
		await().atMost(Duration.ofSeconds(30)).until(() -> index.search(s -> s.getIndexReader().numDocs()) >= 49);
		vectors.catchUp();
		query = embeddings.embed(QUERY);
	}

	@Test
	void aRestartResumesWithoutTheModel() {
		List<ThreadVectors.Near> before = vectors.nearest(query, 5);
		long modelCalls = embeddings.textsEmbedded();
		vectors.stop();
		vectors.start();
		vectors.catchUp();
		assertThat(embeddings.textsEmbedded()).isEqualTo(modelCalls);
		assertThat(vectors.nearest(query, 5)).isEqualTo(before).isNotEmpty();
	}

	@Test
	void aSecondNodeLoadsTheStoredVectorsWithoutTheModel(@TempDir Path otherIndex) {
		long modelCalls = embeddings.textsEmbedded();
		ThreadVectors secondNode = new ThreadVectors(embeddings, feed, index, stored, otherIndex.toString(), true,
				new StandardEnvironment());
		secondNode.start();
		try {
			assertThat(secondNode.catchUp(Integer.MAX_VALUE)).isGreaterThanOrEqualTo(49);
			assertThat(embeddings.textsEmbedded()).isEqualTo(modelCalls);
			assertThat(secondNode.nearest(query, 5)).isEqualTo(vectors.nearest(query, 5)).isNotEmpty();
		}
		finally {
			secondNode.stop();
		}
	}

	@Test
	void anIndexOfAnotherLayoutIsRebuiltFromTheStoredVectors(@TempDir Path otherIndex) throws IOException {
		ThreadVectors node = new ThreadVectors(embeddings, feed, index, stored, otherIndex.toString(), true,
				new StandardEnvironment());
		node.start();
		node.catchUp();
		String generation = (String) node.status().get("generation");
		Object held = node.status().get("vectors");
		node.stop();
		markAsOtherLayout(otherIndex.resolve("vectors").resolve(generation));
		long modelCalls = embeddings.textsEmbedded();
		node.start();
		try {
			assertThat(node.status().get("generation")).isNotEqualTo(generation);
			assertThat(node.status().get("vectors")).isEqualTo(0);
			node.catchUp();
			assertThat(node.status().get("vectors")).isEqualTo(held);
			assertThat(embeddings.textsEmbedded()).isEqualTo(modelCalls);
		}
		finally {
			node.stop();
		}
	}

	@Test
	void vectorsStoredForOtherTextsOrAnotherModelAreEmbeddedAgain() {
		long thread = jdbc.queryForObject("select min(id) from thread", Long.class);
		long modelCalls = embeddings.textsEmbedded();
		jdbc.update("update thread_vector set input_key = '\\x00' where thread_id = ?", thread);
		touch(thread);
		vectors.catchUp();
		assertThat(embeddings.textsEmbedded() - modelCalls).isPositive()
			.isEqualTo(jdbc.queryForObject("select length(vectors) / (4 * 384) from thread_vector where thread_id = ?",
					Long.class, thread));
		assertThat(jdbc.queryForObject("select input_key <> '\\x00' from thread_vector where thread_id = ?",
				Boolean.class, thread))
			.isTrue();
	}

	@Test
	void theBacklogWaitsForSearchesInProgressAndAdminsSeeItsProgress() throws Exception {
		HttpClientSupport admin = new HttpClientSupport(port, TestAccounts.token(application, Role.ADMIN));
		List<Long> threads = jdbc.queryForList("select id from thread order by id limit 3", Long.class);
		CountDownLatch searching = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Integer> search = CompletableFuture.supplyAsync(() -> index.search(searcher -> {
			searching.countDown();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return searcher.getIndexReader().numDocs();
		}));
		try {
			assertThat(searching.await(10, TimeUnit.SECONDS)).isTrue();
			long modelCalls = embeddings.textsEmbedded();
			threads.forEach(thread -> jdbc.update("delete from thread_vector where thread_id = ?", thread));
			threads.forEach(this::touch);
			await().during(Duration.ofMillis(700))
				.atMost(Duration.ofSeconds(1))
				.until(() -> embeddings.textsEmbedded() == modelCalls);
			JsonNode waiting = admin.get("/api/admin/index").json().get("vectors");
			assertThat(waiting.get("caughtUp").asBoolean()).isFalse();
			assertThat(waiting.get("backlogThreads").asLong()).isEqualTo(3);
			release.countDown();
			await().atMost(Duration.ofSeconds(60))
				.until(() -> admin.get("/api/admin/index").json().get("vectors").get("caughtUp").asBoolean());
			JsonNode done = admin.get("/api/admin/index").json().get("vectors");
			assertThat(done.get("backlogThreads").asLong()).isZero();
			assertThat(embeddings.textsEmbedded()).isGreaterThan(modelCalls);
		}
		finally {
			release.countDown();
			search.join();
		}
	}

	@Test
	void theQuestionAndTheAnswerAreEmbeddedNotEveryReply() {
		assertThat(ThreadVectors.texts(thread("Turn off autosave.", "Same here!\n\nAny news?")))
			.containsExactly("Widget hangs\nThe widget hangs on save.", "Widget hangs\nTurn off autosave.");
		assertThat(ThreadVectors.texts(thread(null, "Fixed in 2.1.\n\n" + "Same here! ".repeat(200)))).hasSize(2)
			.element(1, STRING)
			.startsWith("Widget hangs\nFixed in 2.1.")
			.hasSizeLessThanOrEqualTo(SentenceEmbeddings.MAX_CHARS);
	}

	private static IndexedThread thread(String acceptedAnswer, String otherReplies) {
		return new IndexedThread(1, ChangePosition.START, "forum", null, "Widget hangs", null, null, List.of(), null,
				null, 2, 0, false, "The widget hangs on save.", acceptedAnswer, otherReplies, List.of());
	}

	/** A change of the thread, as an edit makes it: the followers apply it again. */
	private void touch(long thread) {
		jdbc.update("""
				update thread set change_seq = nextval('thread_change_seq'), change_xid = pg_current_xact_id()
				where id = ?""", thread);
	}

	/**
	 * Rewrites the generation's last commit as if another model or text layout made it.
	 */
	private static void markAsOtherLayout(Path generation) throws IOException {
		assertThat(Files.isDirectory(generation)).isTrue();
		try (IndexWriter writer = new IndexWriter(FSDirectory.open(generation),
				new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
			Map<String, String> data = new HashMap<>();
			writer.getLiveCommitData().forEach(entry -> data.put(entry.getKey(), entry.getValue()));
			data.replaceAll((key, value) -> value.equals(ThreadVectors.LAYOUT) ? "an older model" : value);
			writer.setLiveCommitData(data.entrySet());
			writer.commit();
		}
	}

}
