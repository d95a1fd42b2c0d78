package forumkb.search;

import forumkb.index.SearchIndex;
import org.springframework.context.ApplicationContext;

/**
 * The Lucene backend over an application's own Lucene index, which it keeps whichever
 * backend its settings chose: for comparing the OpenSearch backend's answers with it.
 */
public final class LuceneSearchBackends {

	private LuceneSearchBackends() {
	}

	public static SearchBackend over(ApplicationContext application) {
		return new LuceneSearchBackend(application.getBean(SearchIndex.class),
				application.getBean(QueryBuilderService.class), application.getBean(LuceneHits.class));
	}

}
