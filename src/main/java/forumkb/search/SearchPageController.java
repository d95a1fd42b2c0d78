package forumkb.search;

import forumkb.search.SearchQueryParser.BadQueryException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search page: results with snippets and chips, facet sidebar, pages, sort, monthly chart. */
@Controller
class SearchPageController {

    private final SearchService search;

    SearchPageController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "relevance") String sort, Model model) {
        model.addAttribute("q", query);
        model.addAttribute("sort", sort);
        try {
            SearchResult result = search.search(query, page, sort);
            model.addAttribute("result", result);
            model.addAttribute("chart", MonthChart.of(result.months()));
        } catch (BadQueryException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "search/results";
    }

    /** Adds a filter to the current query, quoting values with spaces: the facet links. */
    static String refine(String query, String field, String value) {
        String term = field + ":" + (value.contains(" ") ? "\"" + value + "\"" : value);
        return query.toLowerCase(Locale.ROOT).contains(term.toLowerCase(Locale.ROOT)) ? query
                : (query.isBlank() ? term : query.strip() + " " + term);
    }

    /** The facet dimension a chip's kind filters on. */
    static String filterFor(String kind) {
        return switch (kind) {
            case "error" -> "error";
            case "code" -> "code";
            case "api-type", "api-method", "c-function" -> "api";
            case "framework" -> "framework";
            case "entitlement" -> "entitlement";
            case "service" -> "service";
            default -> null;
        };
    }

    static List<String> facetNames() {
        return SearchService.FACETS;
    }
}
