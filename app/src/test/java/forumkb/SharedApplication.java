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
 * The application most integration tests share: default settings, an empty corpus that
 * each test fills with data of its own. Its tag puts every such class in
 * {@link FirstJvmSuite}, so the application starts in one test JVM only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag(FirstJvmSuite.SHARED_APPLICATION)
public @interface SharedApplication {

}
