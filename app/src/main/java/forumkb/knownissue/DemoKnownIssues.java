package forumkb.knownissue;

import forumkb.system.ClusterJobs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import forumkb.thread.ThreadReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's known issues (written by us, linked to demo threads by external id), added
 * once, after the demo corpus, when there are no known issues yet.
 */
@Component
@ConditionalOnProperty(name = "forumkb.demo.enabled", havingValue = "true")
class DemoKnownIssues {

	static final String FILE = "demo/known-issues.json";

	private static final Logger log = LoggerFactory.getLogger(DemoKnownIssues.class);

	private final KnownIssueService knownIssues;

	private final JdbcTemplate jdbc;

	private final ClusterJobs jobs;

	private final ThreadReader threadReader;

	DemoKnownIssues(KnownIssueService knownIssues, JdbcTemplate jdbc, ThreadReader threadReader, ClusterJobs jobs) {
		this.threadReader = threadReader;
		this.knownIssues = knownIssues;
		this.jdbc = jdbc;
		this.jobs = jobs;
	}

	/** After the demo corpus loader, which listens to the same event at default order. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void loadIntoEmptyCatalogue() {
		jobs.runAfterOthers(ClusterJobs.FIRST_START, this::loadIfEmpty);
	}

	private void loadIfEmpty() {
		Long existing = jdbc.queryForObject("select count(*) from known_issue", Long.class);
		if (existing != null && existing > 0) {
			return;
		}
		JsonNode issues;
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			issues = JsonMapper.builder().build().readTree(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		for (JsonNode issue : issues) {
			knownIssues.create(draft(issue), "demo");
		}
		log.info("Loaded {} demo known issues", issues.size());
	}

	private KnownIssueDraft draft(JsonNode issue) {
		List<String> platforms = new ArrayList<>();
		issue.path("platforms").forEach(platform -> platforms.add(platform.asString()));
		List<KnownIssueDraft.Term> signature = new ArrayList<>();
		issue.path("signature")
			.forEach(term -> signature
				.add(new KnownIssueDraft.Term(term.get("kind").asString(), term.get("value").asString())));
		List<Long> threads = new ArrayList<>();
		issue.path("threads")
			.forEach(externalId -> threads.addAll(threadReader.idsByExternalId(externalId.asString())));
		return new KnownIssueDraft(issue.get("title").asString(), issue.path("symptom").asString(""),
				issue.path("rootCause").asString(""), issue.path("workaround").asString(""),
				issue.path("status").asString("OPEN"), issue.path("fixedIn").asString(null), platforms,
				issue.path("versions").asString(""), signature, threads);
	}

}
