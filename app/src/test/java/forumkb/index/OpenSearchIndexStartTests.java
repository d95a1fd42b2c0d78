package forumkb.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import forumkb.OpenSearchApplication;
import forumkb.OpenSearchLink;
import forumkb.OpenSearchNode;
import forumkb.system.ClusterJobs;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * An app node that starts while OpenSearch cannot be reached (a cluster restarting, a
 * compose stack coming up) starts all the same, and creates or follows the index once the
 * cluster answers, instead of failing its start and taking the portal down with search.
 */
@Order(OpenSearchNode.CLASS_ORDER)
class OpenSearchIndexStartTests extends OpenSearchApplication {

	@Autowired
	OpenSearchClient client;

	@Autowired
	OpenSearchIndex running;

	@Autowired
	IndexFeed feed;

	@Autowired
	IndexErrors errors;

	@Autowired
	ClusterJobs jobs;

	@Autowired
	Environment environment;

	@Test
	void aNodeStartedWhileOpenSearchIsDownJoinsOnceItAnswers() {
		// Its own alias: to this node the cluster is empty, as on a first start.
		String alias = running.alias() + "-late";
		OpenSearchIndex late = new OpenSearchIndex(client, feed, errors, jobs, alias, environment);
		OpenSearchLink.cut();
		try {
			late.start();
			late.catchUp();
			assertThat(late.isRunning()).isTrue();
			assertThat(late.generation()).as("no index followed while the cluster is away").isNull();
		}
		finally {
			OpenSearchLink.restore();
		}
		try {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				late.catchUp();
				assertThat(late.searchableChange()).isEqualTo(running.searchableChange());
				assertThat(count(alias)).isPositive().isEqualTo(count(running.alias()));
			});
		}
		finally {
			late.stop();
			if (late.generation() != null) {
				client.send("DELETE", late.generation(), null);
			}
		}
	}

	private long count(String index) {
		return client.send("GET", index + "/_count", null).path("count").asLong();
	}

}
