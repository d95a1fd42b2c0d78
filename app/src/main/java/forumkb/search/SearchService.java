package forumkb.search;

import forumkb.extract.ErrorCatalog;
import forumkb.search.SearchResult.Chip;
import forumkb.search.SearchResult.Hit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Symptom search: ranked threads with snippets, matched entities, facets and a monthly
 * count, from whichever {@link SearchBackend} the settings chose.
 */
@Service
public class SearchService {

	public static final int PAGE_SIZE = 10;

	private static final int MAX_PAGE = 100;

	private static final int SIMILAR = 5;

	private final SearchBackend backend;

	private final SearchQueryParser parser = new SearchQueryParser();

	private final EntityChips entityChips = new EntityChips(ErrorCatalog.load());

	private final Timer latency;

	private final SearchTurns turns;

	SearchService(SearchBackend backend, MeterRegistry meters, SearchTurns turns) {
		this.backend = backend;
		this.turns = turns;
		this.latency = Timer.builder("forumkb.search")
			.description("Search latency")
			.publishPercentileHistogram()
			.register(meters);
	}

	public SearchResult search(String raw, int page, String sort) {
		int safePage = Math.clamp(page, 0, MAX_PAGE);
		boolean recent = "recent".equalsIgnoreCase(sort);
		SearchQuery parsed = parser.parse(raw);
		return turns.take(() -> latency.record(() -> backend.search(parsed, raw, safePage, recent)));
	}

	/**
	 * Threads like this one: its title and its errors, codes and API names as a query;
	 * itself left out.
	 */
	public List<Hit> similar(long threadId, String title, List<String> entityValues) {
		StringBuilder text = new StringBuilder(title == null ? "" : title);
		entityValues.stream().distinct().limit(12).forEach(value -> text.append(' ').append(value));
		if (text.isEmpty()) {
			return List.of();
		}
		return backend.similar(threadId, new SearchQuery(text.toString(), List.of(), Map.of(), null, null), SIMILAR);
	}

	/**
	 * The chip of an entity found in a text, with its meaning when the code is
	 * catalogued.
	 */
	public Chip chip(String kind, String value) {
		return new Chip(kind, value, entityChips.meaning(kind, value));
	}

	/**
	 * The chips a thread shows of its distinct entities: meanings where the thread's
	 * domains agree, chips that carry nothing left out (see {@link EntityChips}).
	 */
	public List<Chip> threadChips(List<Chip> entities) {
		return EntityChips.shown(entityChips.withMeanings(entities));
	}

}
