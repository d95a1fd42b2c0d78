package forumkb.search;

import forumkb.system.BadRequestException;
import forumkb.web.AtomFeed;
import forumkb.web.BarChart;
import jakarta.servlet.http.HttpServletResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
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
			@RequestParam(defaultValue = "relevance") String sort, Model model, HttpServletResponse response) {
		model.addAttribute("q", query);
		model.addAttribute("links", new SearchLinks());
		model.addAttribute("sort", sort);
		model.addAttribute("feed", AtomFeed.Link.to("/api/search/feed", query,
				query.isBlank() ? "Newest threads" : "Threads matching " + query));
		try {
			SearchResult result = search.search(query, page, sort);
			model.addAttribute("result", result);
			model.addAttribute("chart", BarChart.of(everyMonth(result.months())));
		}
		catch (BadRequestException e) {
			// The page with the box to correct the query, as the 400 it is.
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", e.getMessage());
		}
		return "search/results";
	}

	/**
	 * The months from the first to the last with a match, those without one as zero: a
	 * chart that skipped them would draw a gap of a year like one of a month.
	 */
	static List<BarChart.Count> everyMonth(List<SearchResult.FacetValue> months) {
		if (months.isEmpty()) {
			return List.of();
		}
		Map<String, Long> counts = new HashMap<>();
		months.forEach(month -> counts.put(month.value(), month.count()));
		List<BarChart.Count> every = new ArrayList<>();
		YearMonth last = YearMonth.parse(months.getLast().value());
		for (YearMonth month = YearMonth.parse(months.getFirst().value()); !month.isAfter(last); month = month
			.plusMonths(1)) {
			every.add(new BarChart.Count(month.toString(), counts.getOrDefault(month.toString(), 0L)));
		}
		return every;
	}

}
