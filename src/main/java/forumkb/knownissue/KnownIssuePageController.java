package forumkb.knownissue;

import forumkb.system.BadRequestException;
import forumkb.system.NotFoundException;
import forumkb.web.AtomFeed;
import forumkb.web.BarChart;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * Known-issue pages: the list, one issue with its weekly chart, and the engineers' forms.
 */
@Controller
class KnownIssuePageController {

	private final KnownIssueService knownIssues;

	private final WeeklyActivity activity;

	KnownIssuePageController(KnownIssueService knownIssues, WeeklyActivity activity) {
		this.knownIssues = knownIssues;
		this.activity = activity;
	}

	@GetMapping("/known-issues")
	String list(Model model) {
		model.addAttribute("knownIssues", knownIssues.all());
		model.addAttribute("feed", AtomFeed.Link.to("/api/known-issues/feed", null, "Known issues"));
		return "knownissue/list";
	}

	@GetMapping("/known-issues/{id}")
	String show(@PathVariable long id, Authentication viewer, Model model) {
		KnownIssue issue = knownIssues.find(id)
			.orElseThrow(() -> new NotFoundException("no known issue " + id))
			.shownTo(viewer);
		List<WeeklyActivity.Week> weeks = activity.of(id, LocalDate.now(ZoneOffset.UTC));
		model.addAttribute("issue", issue);
		model.addAttribute("weeks", weeks);
		model.addAttribute("matches", weeks.stream().mapToInt(WeeklyActivity.Week::total).sum());
		model.addAttribute("chart",
				BarChart.of(weeks.stream().map(week -> new BarChart.Count(week.label(), week.total())).toList()));
		return "knownissue/show";
	}

	@GetMapping("/known-issues/new")
	String create(@RequestParam(required = false) Long fromThread, Model model) {
		KnownIssueDraft draft = fromThread == null
				? new KnownIssueDraft("", "", "", "", "OPEN", null, List.of(), "", List.of(), List.of())
				: knownIssues.draftFromThread(fromThread);
		return form(model, KnownIssueForm.of(draft), null, null);
	}

	@PostMapping("/known-issues")
	String create(@ModelAttribute KnownIssueForm form, Principal user, Model model) {
		try {
			return "redirect:/known-issues/" + knownIssues.create(form.toDraft(), user.getName()).id();
		}
		catch (BadRequestException e) {
			return form(model, form, null, e.getMessage());
		}
	}

	@GetMapping("/known-issues/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		KnownIssue issue = knownIssues.find(id).orElseThrow(() -> new NotFoundException("no known issue " + id));
		return form(model, KnownIssueForm.of(issue), id, null);
	}

	@PostMapping("/known-issues/{id}")
	String update(@PathVariable long id, @ModelAttribute KnownIssueForm form, Principal user, Model model) {
		try {
			knownIssues.update(id, form.toDraft(), user.getName());
			return "redirect:/known-issues/" + id;
		}
		catch (BadRequestException e) {
			return form(model, form, id, e.getMessage());
		}
	}

	@PostMapping("/known-issues/{id}/links")
	String link(@PathVariable long id, @RequestParam long threadId, Principal user) {
		knownIssues.link(id, threadId, user.getName());
		return "redirect:/known-issues/" + id;
	}

	@PostMapping("/known-issues/{id}/links/{threadId}/delete")
	String unlink(@PathVariable long id, @PathVariable long threadId, Principal user) {
		knownIssues.unlink(id, threadId, user.getName());
		return "redirect:/known-issues/" + id;
	}

	@PostMapping("/known-issues/{id}/delete")
	String delete(@PathVariable long id, Principal user) {
		knownIssues.delete(id, user.getName());
		return "redirect:/known-issues";
	}

	private static String form(Model model, KnownIssueForm form, Long id, String error) {
		model.addAttribute("form", form);
		model.addAttribute("id", id);
		model.addAttribute("pageTitle", id == null ? "New known issue" : "Edit known issue");
		model.addAttribute("error", error);
		model.addAttribute("statuses", KnownIssueStatus.values());
		return "knownissue/form";
	}

}
