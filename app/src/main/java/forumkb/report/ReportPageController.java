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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Submitting a report from the triage page; the engineers' queue; a report with its
 * decision buttons.
 */
@Controller
class ReportPageController {

	/** The flash attribute that says on the next page what a post did. */
	static final String MESSAGE = "message";

	private final ReportService reports;

	private final KnownIssueService knownIssues;

	ReportPageController(ReportService reports, KnownIssueService knownIssues) {
		this.reports = reports;
		this.knownIssues = knownIssues;
	}

	@PostMapping("/reports/new")
	String submit(@ModelAttribute ReportDraft draft, Authentication user, Model model, RedirectAttributes redirect) {
		try {
			long id = reports.submit(draft, user).id();
			redirect.addFlashAttribute(MESSAGE, "Report #" + id + " submitted — engineers will triage it.");
			return "redirect:/reports/" + id;
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
		model.addAttribute("orders", ReportFilter.Order.values());
		try {
			model.addAttribute("reports", reports.queue(filter));
		}
		catch (BadRequestException e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("reports", List.of());
		}
		return "report/queue";
	}

	@GetMapping("/reports/mine")
	String mine(Authentication user, Model model) {
		model.addAttribute("reports", reports.mine(user));
		return "report/mine";
	}

	@GetMapping("/reports/{id}")
	String show(@PathVariable long id, Authentication user, Model model) {
		model.addAttribute("report", reports.find(id, user));
		model.addAttribute("knownIssues", knownIssues.all());
		model.addAttribute("assignees", reports.assignees());
		return "report/show";
	}

	@PostMapping("/reports/{id}/assignee")
	String assign(@PathVariable long id, @RequestParam(defaultValue = "") String assignee, Authentication user,
			RedirectAttributes redirect) {
		Report assigned = reports.assign(id, assignee, user);
		redirect.addFlashAttribute(MESSAGE, assigned.assignee() == null ? "Report #" + id + " is assigned to nobody."
				: "Report #" + id + " assigned to " + assigned.assignee() + ".");
		return "redirect:/reports/" + id;
	}

	@PostMapping("/reports/{id}/comments")
	String comment(@PathVariable long id, @RequestParam(defaultValue = "") String text, Authentication user,
			RedirectAttributes redirect) {
		reports.comment(id, text, user);
		redirect.addFlashAttribute(MESSAGE, "Comment added to report #" + id + ".");
		return "redirect:/reports/" + id + "#comments";
	}

	@PostMapping("/reports/{id}/decision")
	String decide(@PathVariable long id, @RequestParam String action, @RequestParam(required = false) Long knownIssueId,
			@RequestParam(required = false) Long threadId, @RequestParam(required = false) String title,
			Authentication user, RedirectAttributes redirect) {
		Report decided = reports.decide(id, new ReportService.Decision(action, knownIssueId, threadId, title), user);
		redirect.addFlashAttribute(MESSAGE, decided.outcome());
		return "redirect:/reports/" + id;
	}

}
