package forumkb.ingest;

import forumkb.ingest.parse.SourceFormat;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the configured RSS/Atom feeds ({@code forumkb.feeds.urls}) on a schedule and
 * ingests their entries; ingest being idempotent, entries seen before stay unchanged.
 */
@Component
@ConditionalOnProperty(name = "forumkb.command-line", havingValue = "false", matchIfMissing = true)
class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final List<String> feeds;
    private final UrlFetcher fetcher;
    private final IngestService ingest;
    private final JdbcTemplate jdbc;

    FeedPoller(@Value("${forumkb.feeds.urls:}") String feeds, UrlFetcher fetcher, IngestService ingest,
            JdbcTemplate jdbc) {
        this.feeds = Arrays.stream(feeds.split(",")).map(String::strip).filter(url -> !url.isEmpty()).toList();
        this.fetcher = fetcher;
        this.ingest = ingest;
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${forumkb.feeds.poll-interval}", initialDelayString = "${forumkb.feeds.initial-delay:PT1M}")
    void pollAll() {
        feeds.forEach(this::poll);
    }

    /** Fetches and ingests one feed, recording how it went. */
    String poll(String url) {
        String status;
        try {
            IngestInput fetched = fetcher.fetch(url);
            IngestInput feed = IngestInput.ofBytes(url, fetched.bytes(), fetched.contentType(), SourceFormat.FEED);
            IngestRun run = ingest.ingest("feed " + url, List.of(feed));
            status = run.getMessage();
        } catch (UrlFetcher.FetchException e) {
            status = "failed: " + e.getMessage();
            log.warn("Feed poll failed: {}", e.getMessage());
        }
        jdbc.update("""
                insert into feed_poll (url, last_polled_at, last_status) values (?, now(), ?)
                on conflict (url) do update set last_polled_at = now(), last_status = excluded.last_status""",
                url, status);
        return status;
    }
}
