package forumkb.system;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Supplies the embedded PostgreSQL unless {@code spring.datasource.url} points elsewhere,
 * in which case Spring Boot's own DataSource configuration applies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(@Value("${forumkb.embedded.data-dir:./data/pg}") String dataDirectory,
			@Value("${forumkb.embedded.ephemeral:false}") boolean ephemeral) throws IOException {
		return EmbeddedDatabase.open(ephemeral ? null : Path.of(dataDirectory).toAbsolutePath());
	}

	@Bean(destroyMethod = "close")
	EmbeddedDatabaseWatchdog embeddedDatabaseWatchdog(EmbeddedDatabase database, ApplicationEventPublisher events) {
		return new EmbeddedDatabaseWatchdog(database, events);
	}

	@Bean
	DataSource dataSource(EmbeddedDatabase database, @Value("${forumkb.embedded.pool-size:10}") int poolSize) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(database.jdbcUrl() + "?reWriteBatchedInserts=true");
		pool.setUsername("postgres");
		pool.setMaximumPoolSize(poolSize);
		pool.setPoolName("forumkb-embedded");
		// Fail fast when the embedded server is gone (at JVM exit it stops on its own
		// hook, after
		// a crash the watchdog starts it again on the same port and the pool reconnects).
		pool.setConnectionTimeout(5_000);
		return pool;
	}

}
