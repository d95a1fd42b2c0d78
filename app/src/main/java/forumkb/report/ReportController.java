package forumkb.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/reports}: any signed-in user submits and reads their own; engineers list
 * the queue and decide ({@code POST /api/reports/{id}/decision}).
 */
@RestController
@Tag(name = "Reports", description = "Error reports submitted by developers and the engineers' queue")
@RequestMapping("/api/reports")
class ReportController {

	private final ReportService reports;

	ReportController(ReportService reports) {
		this.reports = reports;
	}

	@Operation(summary = "Submit an error report",
			description = "Any signed-in user sends a log or crash report with an optional description; it is triaged at once and answered 201 with its location.")
	@PostMapping
	ResponseEntity<Report> submit(@RequestBody ReportDraft draft, Authentication user) {
		Report report = reports.submit(draft, user);
		return ResponseEntity.created(URI.create("/api/reports/" + report.id())).body(report);
	}

	@Operation(summary = "List the report queue",
			description = "Reports for engineers to decide, newest first, narrowed by the optional filters. Engineers only.")
	@GetMapping
	List<Report> queue(
			@Parameter(description = "`new`, `triaged` or `closed`") @RequestParam(required = false) String status,
			@Parameter(description = "Only reports matched to this known issue's id") @RequestParam(
					required = false) Long knownIssue,
			@Parameter(description = "Only reports naming this framework, such as `UIKit`") @RequestParam(
					required = false) String framework,
			@Parameter(description = "Submitted within `day`, `week` or `month`, or `older`") @RequestParam(
					required = false) String age,
			@Parameter(
					description = "Text in the description or the pasted text, or `#12` for report 12") @RequestParam(
							required = false) String q,
			@Parameter(description = "`newest` (the default), `oldest`, `status` or `assignee`") @RequestParam(
					required = false) String sort) {
		return reports.queue(new ReportFilter(status, knownIssue, framework, age, q, sort));
	}

	@Operation(summary = "List my reports",
			description = "The signed-in user's own reports, newest first, each with its status and what was decided.")
	@GetMapping("/mine")
	List<Report> mine(Authentication user) {
		return reports.mine(user);
	}

	@Operation(summary = "Read a report",
			description = "One report with its triage result; developers read only their own.")
	@GetMapping("/{id}")
	Report one(@Parameter(description = "The report's id") @PathVariable long id, Authentication user) {
		return reports.find(id, user);
	}

	/** Whom to give a report to: an engineer's or admin's email, or null for nobody. */
	record Assignment(String assignee) {
	}

	/** A comment's text. */
	record NewComment(String text) {
	}

	@Operation(summary = "Assign a report",
			description = "Give the report to an engineer or admin to work, or to nobody with a null assignee. Engineers only.")
	@PostMapping("/{id}/assignee")
	Report assign(@Parameter(description = "The report's id") @PathVariable long id, @RequestBody Assignment assignment,
			Authentication user) {
		return reports.assign(id, assignment.assignee(), user);
	}

	@Operation(summary = "Comment on a report",
			description = "Engineers comment on any report, a developer on their own; the report is answered with its comments.")
	@PostMapping("/{id}/comments")
	ResponseEntity<Report> comment(@Parameter(description = "The report's id") @PathVariable long id,
			@RequestBody NewComment comment, Authentication user) {
		return ResponseEntity.status(HttpStatus.CREATED).body(reports.comment(id, comment.text(), user));
	}

	@Operation(summary = "Decide a report",
			description = "Confirm it as a known issue, mark it as new, or close it, with an optional note. Engineers only.")
	@PostMapping("/{id}/decision")
	Report decide(@Parameter(description = "The report's id") @PathVariable long id,
			@RequestBody ReportService.Decision decision, Authentication user) {
		return reports.decide(id, decision, user);
	}

}
