package forumkb.knownissue;

import forumkb.account.Role;
import forumkb.system.BadRequestException;
import forumkb.system.NotFoundException;
import forumkb.thread.ForumMarkdown;
import forumkb.thread.ThreadFinder;
import forumkb.web.AtomFeed;
import forumkb.web.BarChart;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
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

	private final ConfirmedReports confirmedReports;

	private final ThreadFinder threads;

	private final ForumMarkdown markdown;

	KnownIssuePageController(KnownIssueService knownIssues, WeeklyActivity activity, ConfirmedReports confirmedReports,
			ThreadFinder threads, ForumMarkdown markdown) {
		this.knownIssues = knownIssues;
		this.activity = activity;
		this.confirmedReports = confirmedReports;
		this.threads = threads;
		this.markdown = markdown;
	}

	/** {@code archived} names the known issue just archived, to offer its undo. */
	@GetMapping("/known-issues")
	String list(@RequestParam(required = false) Long archived, Authentication viewer, Model model) {
		model.addAttribute("knownIssues", knownIssues.all());
		if (archived != null && Role.staff(viewer)) {
			knownIssues.findAny(archived)
				.filter(KnownIssue::archived)
				.ifPresent(issue -> model.addAttribute("justArchived", issue));
		}
		model.addAttribute("feed", AtomFeed.Link.to("/api/known-issues/feed", null, "Known issues"));
		return "knownissue/list";
	}

	@GetMapping("/known-issues/archived")
	String archived(Model model) {
		model.addAttribute("knownIssues", knownIssues.archived());
		return "knownissue/archived";
	}

	/**
	 * Engineers also see an archived known issue, to restore it; for others it is gone.
	 * {@code find} searches threads for engineers to link.
	 */
	@GetMapping("/known-issues/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) String find, Authentication viewer,
			Model model) {
		KnownIssue issue = (Role.staff(viewer) ? knownIssues.findAny(id) : knownIssues.find(id))
			.orElseThrow(() -> new NotFoundException("no known issue " + id))
			.shownTo(viewer);
		List<WeeklyActivity.Week> weeks = activity.of(id, LocalDate.now(ZoneOffset.UTC));
		model.addAttribute("issue", issue);
		// Engineers write the symptom, cause and fix as prose, in the forum's Markdown.
		model.addAttribute("markdown", markdown);
		// Reports quote developers' private logs: engineers only.
		model.addAttribute("reports", Role.staff(viewer) ? confirmedReports.of(id) : List.of());
		if (find != null && !find.isBlank() && Role.staff(viewer) && !issue.archived()) {
			findThreadsToLink(issue, find, model);
		}
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

	/** Asks before deleting, on a page of its own: the CSP allows no inline script. */
	@GetMapping("/known-issues/{id}/delete")
	String confirmDelete(@PathVariable long id, Model model) {
		model.addAttribute("issue",
				knownIssues.find(id).orElseThrow(() -> new NotFoundException("no known issue " + id)));
		return "knownissue/delete";
	}

	@PostMapping("/known-issues/{id}/delete")
	String delete(@PathVariable long id, Principal user) {
		knownIssues.archive(id, user.getName());
		return "redirect:/known-issues?archived=" + id;
	}

	@PostMapping("/known-issues/{id}/restore")
	String restore(@PathVariable long id, Principal user) {
		knownIssues.restore(id, user.getName());
		return "redirect:/known-issues/" + id;
	}

	private void findThreadsToLink(KnownIssue issue, String find, Model model) {
		model.addAttribute("find", find);
		model.addAttribute("linkedIds",
				issue.threads().stream().map(KnownIssue.LinkedThread::id).collect(Collectors.toSet()));
		try {
			model.addAttribute("found", threads.find(find));
		}
		catch (BadRequestException e) {
			model.addAttribute("findError", e.getMessage());
		}
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
