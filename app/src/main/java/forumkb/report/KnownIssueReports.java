package forumkb.report;

import forumkb.knownissue.ConfirmedReports;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The reports assigned to a known issue (confirmed, or moved to it, or the one it was
 * made from), for the known issue's page.
 */
@Component
class KnownIssueReports implements ConfirmedReports {

	private static final Set<Resolution> ASSIGNED = EnumSet.of(Resolution.CONFIRMED, Resolution.OTHER_KNOWN_ISSUE,
			Resolution.NEW_KNOWN_ISSUE);

	private final ReportService reports;

	KnownIssueReports(ReportService reports) {
		this.reports = reports;
	}

	@Override
	public List<ConfirmedReport> of(long knownIssueId) {
		return reports.queue(new ReportFilter(null, knownIssueId, null, null, null, null))
			.stream()
			.filter(report -> ASSIGNED.contains(report.resolution()))
			.sorted(Comparator.comparing(Report::triagedAt, Comparator.nullsLast(Comparator.reverseOrder())))
			.map(report -> new ConfirmedReport(report.id(), report.title(), report.submitterEmail(), report.triagedAt(),
					report.triagedBy()))
			.toList();
	}

}
