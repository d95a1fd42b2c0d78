package forumkb.report;

import forumkb.system.BadRequestException;
import forumkb.knownissue.KnownIssueService;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Submitting a report from the triage page; the engineers' queue; a report with its
 * decision buttons.
 */
@Controller
class ReportPageController {

	private final ReportService reports;

	private final KnownIssueService knownIssues;

	ReportPageController(ReportService reports, KnownIssueService knownIssues) {
		this.reports = reports;
		this.knownIssues = knownIssues;
	}

	@PostMapping("/reports/new")
	String submit(@ModelAttribute ReportDraft draft, Authentication user, Model model) {
		try {
			return "redirect:/reports/" + reports.submit(draft, user).id();
		}
		catch (BadRequestException e) {
			model.addAttribute("error", e.getMessage());
			return "triage/page";
		}
	}

	@GetMapping("/reports")
	String queue(@ModelAttribute ReportFilter filter, Model model) {
		model.addAttribute("filter", filter);
		model.addAttribute("frameworks", reports.frameworks());
		model.addAttribute("knownIssues", knownIssues.all());
		try {
			model.addAttribute("reports", reports.queue(filter));
		}
		catch (BadRequestException e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("reports", List.of());
		}
		return "report/queue";
	}

	@GetMapping("/reports/{id}")
	String show(@PathVariable long id, Authentication user, Model model) {
		model.addAttribute("report", reports.find(id, user));
		model.addAttribute("knownIssues", knownIssues.all());
		return "report/show";
	}

	@PostMapping("/reports/{id}/decision")
	String decide(@PathVariable long id, @RequestParam String action, @RequestParam(required = false) Long knownIssueId,
			@RequestParam(required = false) Long threadId, @RequestParam(required = false) String title,
			Authentication user) {
		reports.decide(id, new ReportService.Decision(action, knownIssueId, threadId, title), user);
		return "redirect:/reports/" + id;
	}

}
