package forumkb.ingest;

import forumkb.ingest.parse.SourceFormat;
import forumkb.system.ClusterJobs;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the configured RSS/Atom feeds ({@code forumkb.feeds.urls}) on a schedule and
 * ingests their entries; ingest being idempotent, entries seen before stay unchanged.
 * With several nodes, one polls at a time (a cluster job), and a feed is fetched only
 * when its last poll, by any node, is {@code forumkb.feeds.poll-interval} old: each node
 * checks every {@code forumkb.feeds.check-interval}, so a feed is fetched once an
 * interval, however many nodes run and whichever of them is up. Not in command-line runs.
 */
@Component
@Profile("!cli")
class FeedPoller {

	private static final String JOB = "feed-poll";

	private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

	private final List<String> feeds;

	private final UrlFetcher fetcher;

	private final IngestService ingest;

	private final JdbcTemplate jdbc;

	private final ClusterJobs jobs;

	private final Duration interval;

	private volatile boolean started;

	FeedPoller(@Value("${forumkb.feeds.urls:}") String feeds, UrlFetcher fetcher, IngestService ingest,
			JdbcTemplate jdbc, ClusterJobs jobs, @Value("${forumkb.feeds.poll-interval}") Duration interval) {
		this.feeds = Arrays.stream(feeds.split(",")).map(String::strip).filter(url -> !url.isEmpty()).toList();
		this.fetcher = fetcher;
		this.ingest = ingest;
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.interval = interval;
	}

	/**
	 * After the demo corpus loader: it fills only an empty database, which a first poll
	 * would not leave empty.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void start() {
		started = true;
	}

	@Scheduled(fixedDelayString = "${forumkb.feeds.check-interval:PT1M}",
			initialDelayString = "${forumkb.feeds.initial-delay:PT1M}")
	void pollDue() {
		if (started && !feeds.isEmpty()) {
			jobs.runOnce(JOB, () -> feeds.stream().filter(this::due).forEach(this::poll));
		}
	}

	/**
	 * Not polled by any node within the interval (by the database's clock, which all
	 * nodes share).
	 */
	private boolean due(String url) {
		return !jdbc.queryForObject("""
				select exists (select 1 from feed_poll
				               where url = ? and last_polled_at > now() - make_interval(secs => ?))""", Boolean.class,
				url, interval.toMillis() / 1000.0);
	}

	/** Fetches and ingests one feed, recording how it went. */
	String poll(String url) {
		String status;
		try {
			IngestInput fetched = fetcher.fetch(url);
			IngestInput feed = IngestInput.ofBytes(url, fetched.bytes(), fetched.contentType(), SourceFormat.FEED);
			IngestRun run = ingest.ingest("feed " + url, List.of(feed));
			status = run.getMessage();
		}
		catch (UrlFetcher.FetchException e) {
			status = "failed: " + e.getMessage();
			log.warn("Feed poll failed: {}", e.getMessage());
		}
		jdbc.update("""
				insert into feed_poll (url, last_polled_at, last_status) values (?, now(), ?)
				on conflict (url) do update set last_polled_at = now(), last_status = excluded.last_status""", url,
				status);
		return status;
	}

}
