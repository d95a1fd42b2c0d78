package forumkb.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import forumkb.ForumkbApplication;
import forumkb.HttpClientSupport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * With SPRING_DATASOURCE_URL set, the app runs on that PostgreSQL and starts no embedded
 * one; while that database is down it answers 503, and it serves again by itself once it
 * is back.
 */
class ExternalDatabaseTests {

	@Test
	void anExternalPostgresqlIsUsedWhenConfiguredAndTheAppRecoversWhenItComesBack(@TempDir Path data) throws Exception {
		EmbeddedPostgres external = external(data, 0);
		int databasePort = external.getPort();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ForumkbApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres")) {
			assertThat(app.getBeansOfType(EmbeddedDatabase.class)).isEmpty();
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpClientSupport http = HttpClientSupport.asEngineer(app, port);
			JsonNode run = http.upload("/api/ingest", "one.jsonl",
					"{\"title\": \"NEHotspotConfigurationErrorDomain 8\", \"posts\": [{\"body\": \"internal error\"}]}")
				.json();
			assertThat(run.get("created").asInt()).isEqualTo(1);
			long threadId;
			try (var connection = external.getPostgresDatabase().getConnection();
					var rows = connection.createStatement().executeQuery("select id from thread")) {
				rows.next();
				threadId = rows.getLong(1);
				assertThat(rows.next()).as("one thread").isFalse();
			}

			external.close();
			HttpClientSupport.Response down = http.get("/api/threads/" + threadId);
			assertThat(down.status()).isEqualTo(503);
			assertThat(down.json().get("message").asString()).contains("database is unavailable");

			external = external(data, databasePort);
			await().atMost(Duration.ofSeconds(15)).until(() -> http.get("/api/threads/" + threadId).status() == 200);
			assertThat(http.get("/api/threads/" + threadId).json().get("title").asString())
				.isEqualTo("NEHotspotConfigurationErrorDomain 8");
		}
		finally {
			external.close();
		}
	}

	/**
	 * A PostgreSQL on a data folder the test keeps, so a restart finds what was
	 * committed.
	 */
	private static EmbeddedPostgres external(Path data, int port) throws IOException {
		Files.createDirectories(data);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false);
		return (port == 0 ? builder : builder.setPort(port)).start();
	}

}
