package forumkb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application with the demo corpus and sentence embeddings, shared by the triage,
 * report and browser tests that need real-shaped threads to rank. Like
 * {@link SharedApplication}, its tag keeps it to the JVM of {@link FirstJvmSuite}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "forumkb.demo.enabled=true", "forumkb.triage.embeddings.enabled=true" })
@Tag(FirstJvmSuite.SHARED_APPLICATION)
public @interface DemoApplication {

}
