package forumkb.search;

import forumkb.thread.ThreadFinder;
import java.util.List;
import org.springframework.stereotype.Component;

/** The first page of a search, as threads to pick from. */
@Component
class SearchThreadFinder implements ThreadFinder {

	private final SearchService search;

	SearchThreadFinder(SearchService search) {
		this.search = search;
	}

	@Override
	public List<FoundThread> find(String query) {
		return search.search(query, 0, null)
			.hits()
			.stream()
			.map(hit -> new FoundThread(hit.id(), hit.title(), snippetText(hit)))
			.toList();
	}

	private static String snippetText(SearchResult.Hit hit) {
		StringBuilder text = new StringBuilder();
		hit.snippetParts().forEach(part -> text.append(part.text()));
		return text.toString();
	}

}
