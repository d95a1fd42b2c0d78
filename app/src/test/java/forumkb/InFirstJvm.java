package forumkb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A class that needs neither shared application but runs in {@link FirstJvmSuite} all the
 * same, so that the two test JVMs take about equally long.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(FirstJvmSuite.FIRST_JVM)
public @interface InFirstJvm {

}
