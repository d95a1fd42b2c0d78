package forumkb.search;

import forumkb.web.AtomFeed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /api/search?q=…&page=…&sort=relevance|recent}: total (exact, or a lower
 * bound past a thousand matches), hits (id, title, url, score, highlighted snippet,
 * entities and the ones that matched), facets with counts over the top matches.
 */
@RestController
@Tag(name = "Search", description = "Symptom search over ingested forum threads")
class SearchController {

	private final SearchService search;

	SearchController(SearchService search) {
		this.search = search;
	}

	@Operation(summary = "Search threads by symptom",
			description = "Full-text and identifier search over thread titles and posts. Filters go in the query: "
					+ "`tag:`, `code:`, `domain:`, `before:`/`after:` (a year or date). Answers the total (exact, or a "
					+ "lower bound past a thousand matches), the page of hits with highlighted snippets and the "
					+ "matched entities, and facet counts over the top matches.")
	@GetMapping("/api/search")
	SearchResult search(
			@Parameter(
					description = "The symptom: error text, an identifier such as `NSURLErrorDomain -1009`, "
							+ "words, and filters such as `tag:swiftui`",
					example = "Code=4097") @RequestParam(name = "q", defaultValue = "") String query,
			@Parameter(description = "Zero-based page of results") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = "`relevance` (best match first) or `recent` (newest first)") @RequestParam(
					defaultValue = "relevance") String sort) {
		return search.search(query, page, sort);
	}

	@Operation(summary = "Follow a search as an Atom feed",
			description = "The newest threads matching a search, as an Atom feed for a feed reader: each entry links "
					+ "to the thread, with its snippet. Filters work as in the search.")
	@GetMapping("/api/search/feed")
	ResponseEntity<String> feed(@Parameter(description = "The search, as for `/api/search`",
			example = "code:-1200") @RequestParam(name = "q", defaultValue = "") String query) {
		SearchResult result = search.search(query, 0, "recent");
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		List<AtomFeed.Entry> entries = result.hits()
			.stream()
			.map(hit -> new AtomFeed.Entry(base + "/threads/" + hit.id(), hit.title(), hit.lastActivityAt(),
					SnippetText.text(hit.snippetParts(), false)))
			.toList();
		String page = UriComponentsBuilder.fromUriString(base + "/search")
			.queryParam("q", query)
			.queryParam("sort", "recent")
			.encode()
			.toUriString();
		return AtomFeed
			.of(ServletUriComponentsBuilder.fromCurrentRequest().encode().toUriString(),
					query.isBlank() ? "forumkb: newest threads" : "forumkb search: " + query, page, entries)
			.response();
	}

}
