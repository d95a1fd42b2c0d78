package forumkb.system;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.ForumkbApplication;
import forumkb.HttpClientSupport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** With SPRING_DATASOURCE_URL set, the app runs on that PostgreSQL and starts no embedded one. */
class ExternalDatabaseTests {

    @Test
    void anExternalPostgresqlIsUsedWhenConfigured() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(ForumkbApplication.class).run(
                        "--server.port=0",
                        "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres")) {
            assertThat(app.getBeansOfType(EmbeddedDatabase.class)).isEmpty();
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClientSupport http = HttpClientSupport.asEngineer(app, port);
            JsonNode run = http.upload("/api/ingest", "one.jsonl",
                    "{\"title\": \"NEHotspotConfigurationErrorDomain 8\", \"posts\": [{\"body\": \"internal error\"}]}")
                    .json();
            assertThat(run.get("created").asInt()).isEqualTo(1);
            try (var connection = external.getPostgresDatabase().getConnection();
                    var rows = connection.createStatement().executeQuery("select count(*) from thread")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
    }
}
