package forumkb.triage;

import forumkb.search.LuceneHits;
import forumkb.search.LuceneSearchBackends;
import forumkb.search.QueryBuilderService;
import forumkb.search.SearchService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.context.ApplicationContext;

/**
 * Triage over an application's own Lucene index, which it keeps whichever backend its
 * settings chose, with the application's known issues and vectors: for comparing triage
 * on the OpenSearch backend with it.
 */
public final class LuceneTriage {

	private LuceneTriage() {
	}

	public static TriageService over(ApplicationContext application) {
		return new TriageService(LuceneSearchBackends.over(application), application.getBean(KnownIssueIndex.class),
				application.getBean(QueryBuilderService.class), application.getBean(SearchService.class),
				application.getBean(LuceneHits.class), application.getBean(SentenceEmbeddings.class),
				application.getBean(ThreadVectors.class), new SimpleMeterRegistry());
	}

}
