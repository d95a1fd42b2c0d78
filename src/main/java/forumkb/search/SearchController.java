package forumkb.search;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search?q=…&page=…&sort=relevance|recent}: total (exact, or a lower bound
 * past a thousand matches), hits (id, title, url, score, highlighted snippet, entities and the
 * ones that matched), facets with counts over the top matches.
 */
@RestController
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/api/search")
    SearchResult search(@RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "relevance") String sort) {
        return search.search(query, page, sort);
    }
}
