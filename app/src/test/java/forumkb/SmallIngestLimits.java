package forumkb;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application with small ingest limits (uploads and fetches of 20 kB, fetches that
 * give up after 2 s), so "too large" and "too slow" are cheap to test, and loopback
 * allowed as a fetch target, as an intranet forum would be. One application for every
 * class so annotated, in the first test JVM, which the second would otherwise outlast.
 */
@InFirstJvm
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "forumkb.ingest.max-bytes=20000", "forumkb.ingest.fetch-timeout=PT2S",
				"forumkb.ingest.allowed-hosts=127.0.0.1" })
public @interface SmallIngestLimits {

}
