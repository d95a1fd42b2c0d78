package forumkb;

import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Every test class not in {@link FirstJvmSuite}: the unit tests, the applications with
 * settings of their own and those started by hand.
 */
@Suite
@SelectPackages("forumkb")
@ExcludeTags({ FirstJvmSuite.SHARED_APPLICATION, FirstJvmSuite.FIRST_JVM })
class SecondJvmSuite {

}
