package forumkb.search;

import forumkb.system.BadRequestException;
import forumkb.web.BarChart;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page: results with snippets and chips, facet sidebar, pages, sort, monthly
 * chart.
 */
@Controller
class SearchPageController {

	private final SearchService search;

	SearchPageController(SearchService search) {
		this.search = search;
	}

	@GetMapping("/search")
	String search(@RequestParam(name = "q", defaultValue = "") String query, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "relevance") String sort, Model model) {
		model.addAttribute("q", query);
		model.addAttribute("links", new SearchLinks());
		model.addAttribute("sort", sort);
		try {
			SearchResult result = search.search(query, page, sort);
			model.addAttribute("result", result);
			model.addAttribute("chart", BarChart
				.of(result.months().stream().map(month -> new BarChart.Count(month.value(), month.count())).toList()));
		}
		catch (BadRequestException e) {
			model.addAttribute("error", e.getMessage());
		}
		return "search/results";
	}

}
