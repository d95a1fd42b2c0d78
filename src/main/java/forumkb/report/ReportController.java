package forumkb.report;

import java.net.URI;
import java.util.List;
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
 * {@code /api/reports}: any signed-in user submits and reads their own; engineers list the
 * queue and decide ({@code POST /api/reports/{id}/decision}).
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @PostMapping
    ResponseEntity<Report> submit(@RequestBody ReportDraft draft, Authentication user) {
        Report report = reports.submit(draft, user);
        return ResponseEntity.created(URI.create("/api/reports/" + report.id())).body(report);
    }

    @GetMapping
    List<Report> queue(@RequestParam(required = false) String status, @RequestParam(required = false) Long knownIssue,
            @RequestParam(required = false) String framework, @RequestParam(required = false) String age) {
        return reports.queue(new ReportFilter(status, knownIssue, framework, age));
    }

    @GetMapping("/{id}")
    Report one(@PathVariable long id, Authentication user) {
        return reports.find(id, user);
    }

    @PostMapping("/{id}/decision")
    Report decide(@PathVariable long id, @RequestBody ReportService.Decision decision, Authentication user) {
        return reports.decide(id, decision, user);
    }
}
