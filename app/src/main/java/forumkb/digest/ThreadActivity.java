package forumkb.digest;

import forumkb.digest.DigestContent.ThreadItem;
import forumkb.digest.DigestContent.Trend;
import forumkb.thread.ActiveThreads;
import forumkb.thread.ActiveThreads.Mentioned;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What happened on the forums in a week, among the threads a subscriber's filters let
 * through; the thread package, which owns them, counts and lists them.
 */
@Component
class ThreadActivity {

	static final int LIST_SIZE = 10;
	static final int TREND_SIZE = 5;

	/** How far back an unanswered thread still counts as current. */
	static final Duration UNANSWERED_WINDOW = Duration.ofDays(28);

	private final ActiveThreads threads;

	private final int unansweredMinViews;

	ThreadActivity(ActiveThreads threads, @Value("${forumkb.digest.unanswered-min-views:100}") int unansweredMinViews) {
		this.threads = threads;
		this.unansweredMinViews = unansweredMinViews;
	}

	int newThreadCount(WeekQuery week) {
		return threads.count(week.threads(), week.from(), week.to());
	}

	/** The week's new threads, most active (replies, then views) first. */
	List<ThreadItem> newThreads(WeekQuery week, String baseUrl) {
		return items(threads.mostActive(week.threads(), week.from(), week.to(), LIST_SIZE), baseUrl);
	}

	/**
	 * Threads of the last four weeks up to the week's end that nobody answered yet, most
	 * viewed first.
	 */
	List<ThreadItem> unanswered(WeekQuery week, String baseUrl) {
		return items(threads.unanswered(week.threads(), week.to().minus(UNANSWERED_WINDOW), week.to(),
				unansweredMinViews, LIST_SIZE), baseUrl);
	}

	List<Trend> trendingCodes(WeekQuery week, String baseUrl) {
		return trending(week, Mentioned.CODES, baseUrl);
	}

	List<Trend> trendingApis(WeekQuery week, String baseUrl) {
		return trending(week, Mentioned.APIS, baseUrl);
	}

	/**
	 * Values mentioned in more of the filtered threads this week than in the week before,
	 * the largest rise first.
	 */
	private List<Trend> trending(WeekQuery week, Mentioned kinds, String baseUrl) {
		return threads.rising(week.threads(), kinds, week.before(), week.from(), week.to(), TREND_SIZE)
			.stream()
			.map(mentions -> new Trend(mentions.value(), mentions.thisPeriod(), mentions.periodBefore(),
					baseUrl + "/search?q="
							+ URLEncoder.encode(searchField(mentions.kind()) + ":" + mentions.value(),
									StandardCharsets.UTF_8)))
			.toList();
	}

	private static String searchField(String kind) {
		return switch (kind) {
			case "error" -> "error";
			case "code" -> "code";
			default -> "api";
		};
	}

	private static List<ThreadItem> items(List<ActiveThreads.Listed> listed, String baseUrl) {
		return listed.stream()
			.map(thread -> new ThreadItem(thread.id(), thread.title(), thread.replies(), thread.views(), thread.tags(),
					baseUrl + "/threads/" + thread.id()))
			.toList();
	}

}
