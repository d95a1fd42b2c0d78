package forumkb.index.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.util.Version;
import org.junit.jupiter.api.Test;

/**
 * The analysers' tests run once per Lucene of their hosts (the build names the version in
 * {@code forumkb.lucene.version}); this checks that each run really is on that Lucene, so
 * a classpath mix-up cannot pass as coverage of the other version.
 */
class LuceneVersionTests {

	@Test
	void testsRunOnTheLuceneTheBuildNames() {
		String expected = System.getProperty("forumkb.lucene.version");
		assertThat(expected).as("forumkb.lucene.version, set by the build").isNotBlank();
		assertThat(Version.LATEST.toString()).isEqualTo(expected);
	}

}
