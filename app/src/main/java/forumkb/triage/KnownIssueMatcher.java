package forumkb.triage;

import forumkb.index.ChangePosition;
import forumkb.index.IndexFeed;
import forumkb.index.IndexedThread;
import forumkb.index.ThreadIndex;
import forumkb.knownissue.KnownIssueMatches;
import forumkb.system.ClusterJobs;
import forumkb.system.ServiceUnavailableException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks every arriving thread against the known issues and records the ones it matches
 * with high or medium confidence ({@link KnownIssueMatches}): the known issue's weekly
 * chart counts them, and a fixed known issue that gains matches is the digest's
 * regression alert. It follows the change feed ({@link IndexFeed}) from where it was when
 * it first ran, so a new install matches what arrives from then on (the demo corpus
 * included), and only as far as the search backend's index ({@link ThreadIndex}: the
 * node's Lucene index or OpenSearch) has made searchable. With several nodes, one runs it
 * at a time (a cluster job), so the cursor only moves forward and each thread is checked
 * once; the match rows' primary key keeps a thread from counting twice anyway. Not in
 * command-line runs.
 */
@Component
@Profile("!cli")
class KnownIssueMatcher {

	/** The job's name, and its cursor's. */
	static final String JOB = "known-issue-matcher";

	private static final int PAGE = 200;

	private static final Logger log = LoggerFactory.getLogger(KnownIssueMatcher.class);

	private final JdbcTemplate jdbc;

	private final IndexFeed feed;

	private final ThreadIndex index;

	private final TriageService triage;

	private final KnownIssueIndex knownIssues;

	private final KnownIssueMatches matches;

	private final ClusterJobs jobs;

	private final boolean enabled;

	KnownIssueMatcher(JdbcTemplate jdbc, IndexFeed feed, ThreadIndex index, TriageService triage,
			KnownIssueIndex knownIssues, KnownIssueMatches matches, ClusterJobs jobs,
			@Value("${forumkb.triage.matcher.enabled:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.feed = feed;
		this.index = index;
		this.triage = triage;
		this.knownIssues = knownIssues;
		this.matches = matches;
		this.jobs = jobs;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${forumkb.triage.match-interval:PT5S}")
	void matchArrivals() {
		if (enabled && index.isRunning()) {
			jobs.runOnce(JOB, this::matchNewArrivals);
		}
	}

	private void matchNewArrivals() {
		List<ChangePosition> stored = cursor();
		ChangePosition cursor = stored.isEmpty() ? start() : stored.getFirst();
		if (!index.searchableChange().isAfter(cursor)) {
			return;
		}
		try {
			List<IndexedThread> page = feed.changedAfter(cursor, PAGE);
			// After reading the threads: a known issue made (on any node) before one of
			// them arrived is in.
			knownIssues.refreshIfChanged();
			for (IndexedThread thread : page) {
				if (!index.holds(thread.change())) {
					break;
				}
				record(thread);
				cursor = thread.change();
			}
			jdbc.update("update job_cursor set position = ?, change_xid = ?::text::xid8 where name = ?", cursor.seq(),
					cursor.xid(), JOB);
		}
		catch (ServiceUnavailableException e) {
			log.warn("Matching arriving threads to known issues waits for the search service: {}",
					e.getCause().getMessage());
		}
		catch (RuntimeException e) {
			log.warn("Matching arriving threads to known issues failed; will retry", e);
		}
	}

	/** The first run starts from now: what arrives from now on is matched. */
	private ChangePosition start() {
		ChangePosition now = feed.now();
		jdbc.update("insert into job_cursor (name, position, change_xid) values (?, ?, ?::text::xid8) "
				+ "on conflict do nothing", JOB, now.seq(), now.xid());
		return cursor().getFirst();
	}

	private List<ChangePosition> cursor() {
		return jdbc.query("select change_xid::text, position from job_cursor where name = ?",
				(row, n) -> new ChangePosition(Long.parseLong(row.getString(1)), row.getLong(2)), JOB);
	}

	private void record(IndexedThread thread) {
		String text = String.join("\n", thread.title() == null ? "" : thread.title(),
				thread.question() == null ? "" : thread.question());
		for (TriageService.KnownIssueMatch match : triage.matchKnownIssues(text)) {
			matches.record(match.knownIssueId(), thread.id(), match.score(), match.confidence().name());
		}
	}

}
