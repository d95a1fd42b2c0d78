package forumkb;

import org.junit.platform.suite.api.ExcludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Every test class not in {@link FirstJvmSuite}: the unit tests, the applications with
 * settings of their own and those started by hand.
 */
@Suite
@SelectPackages("forumkb")
@ExcludeClassNamePatterns(FirstJvmSuite.CLASSES)
class SecondJvmSuite {

}
