package forumkb;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The test classes of the two applications most classes share: the default one and the
 * one with the demo corpus and sentence embeddings. Surefire runs this suite and
 * {@link SecondJvmSuite} in two JVMs side by side, so each application starts once rather
 * than in both JVMs (as when the JVMs take classes as they come free); the halves are
 * about equally long. A new class on either application belongs in {@link #CLASSES}.
 */
@Suite
@SelectPackages("forumkb")
@IncludeClassNamePatterns(FirstJvmSuite.CLASSES)
class FirstJvmSuite {

	static final String CLASSES = ".*\\.(AccessibilityBrowserTests|ApiDocumentationTests|HealthDetailsTests"
			+ "|HostileContentBrowserTests|HostileRequestTests|IngestApiTests|KnownIssueApiTests|KnownIssueBrowserTests"
			+ "|KnownIssuePagesTests|MailCatcherTests|PortalPagesTests|RequestFuzzTests|SearchApiTests"
			+ "|SearchFlowBrowserTests|ReportApiTests|ReportPagesTests|ThreadVectorsTests|TriageApiTests"
			+ "|TriageFlowBrowserTests)";

}
