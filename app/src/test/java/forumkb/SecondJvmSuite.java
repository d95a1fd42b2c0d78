package forumkb;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Every test class not in {@link FirstJvmSuite}: the unit tests, the applications with
 * settings of their own and those started by hand. The OpenSearch node starts as the
 * suite does and the classes that need it run last, so the other classes run while it
 * boots ({@link OpenSearchNode#CLASS_ORDER}). Classes run one after the other, but those
 * marked {@code @Execution(CONCURRENT)}, which mostly wait for a process of their own,
 * run beside them.
 */
@Suite
@SelectPackages("forumkb")
@ExcludeTags({ FirstJvmSuite.SHARED_APPLICATION, FirstJvmSuite.FIRST_JVM })
@ConfigurationParameter(key = ClassOrderer.DEFAULT_ORDER_PROPERTY_NAME,
		value = "org.junit.jupiter.api.ClassOrderer$OrderAnnotation")
@ConfigurationParameter(key = "junit.jupiter.execution.parallel.enabled", value = "true")
@ConfigurationParameter(key = "junit.jupiter.execution.parallel.mode.classes.default", value = "same_thread")
@ConfigurationParameter(key = "junit.jupiter.execution.parallel.config.strategy", value = "fixed")
@ConfigurationParameter(key = "junit.jupiter.execution.parallel.config.fixed.parallelism", value = "2")
class SecondJvmSuite {

	@BeforeSuite
	static void startOpenSearchNode() {
		OpenSearchNode.startInBackground();
	}

}
