package forumkb;

import org.junit.platform.suite.api.IncludeTags;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The test classes of the two applications most classes share ({@link SharedApplication},
 * {@link DemoApplication}), and those moved here to even out the halves
 * ({@link InFirstJvm}). Surefire runs this suite and {@link SecondJvmSuite} in two JVMs
 * side by side, so each of those applications starts once rather than in both JVMs (as
 * when the JVMs take classes as they come free).
 */
@Suite
@SelectPackages("forumkb")
@IncludeTags({ FirstJvmSuite.SHARED_APPLICATION, FirstJvmSuite.FIRST_JVM })
class FirstJvmSuite {

	static final String SHARED_APPLICATION = "shared-application";

	static final String FIRST_JVM = "first-jvm";

}
