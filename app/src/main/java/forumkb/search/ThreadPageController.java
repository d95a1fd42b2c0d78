package forumkb.search;

import forumkb.search.SearchResult.Chip;
import forumkb.search.SearchResult.Hit;
import forumkb.search.SearchResult.SnippetPart;
import forumkb.system.NotFoundException;
import forumkb.thread.ForumMarkdown;
import forumkb.thread.ThreadReader;
import forumkb.thread.ThreadSummary;
import forumkb.thread.ThreadView;
import forumkb.thread.ThreadView.EntityView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The first page (what this is, search, triage, recent and unanswered threads), the paged
 * thread list, and a thread's page with its posts as Markdown, entity chips and similar
 * threads. It lives in search, not thread, because the chips and similar threads come
 * from search and thread is the read side that search and known issues build on.
 */
@Controller
class ThreadPageController {

	private static final int PAGE_SIZE = 50;

	private static final int FIRST_PAGE_LINES = 10;

	private static final int WHY_ENTITIES = 4;

	private static final int WHY_WORDS = 4;

	private final ThreadReader reader;

	private final SearchService search;

	private final ForumMarkdown markdown;

	private final JdbcTemplate jdbc;

	private final SearchBackend backend;

	ThreadPageController(ThreadReader reader, SearchService search, ForumMarkdown markdown, JdbcTemplate jdbc,
			SearchBackend backend) {
		this.search = search;
		this.reader = reader;
		this.markdown = markdown;
		this.jdbc = jdbc;
		this.backend = backend;
	}

	@GetMapping("/")
	String home(Model model) {
		Page<ThreadSummary> recent = reader.recent(0, FIRST_PAGE_LINES);
		model.addAttribute("recent", recent.getContent());
		model.addAttribute("unanswered", reader.unanswered(FIRST_PAGE_LINES).getContent());
		model.addAttribute("threadCount", recent.getTotalElements());
		model.addAttribute("postCount", count("post"));
		model.addAttribute("entityCount", count("thread_entity"));
		model.addAttribute("links", new SearchLinks());
		return "index";
	}

	/**
	 * All threads, most recently active first; a page past the end shows the last one.
	 */
	@GetMapping("/threads")
	String threads(@RequestParam(defaultValue = "0") int page, Model model) {
		Page<ThreadSummary> found = reader.recent(page, PAGE_SIZE);
		if (found.getTotalPages() > 0 && page >= found.getTotalPages()) {
			found = reader.recent(found.getTotalPages() - 1, PAGE_SIZE);
		}
		model.addAttribute("threads", found.getContent());
		model.addAttribute("page", found.getNumber());
		model.addAttribute("totalPages", found.getTotalPages());
		model.addAttribute("threadCount", found.getTotalElements());
		model.addAttribute("links", new SearchLinks());
		return "thread/list";
	}

	/**
	 * Only numbers are thread ids: {@code /threads/abc} is an unknown page (404), not a
	 * bad request.
	 */
	@GetMapping("/threads/{id:\\d{1,18}}")
	String thread(@PathVariable long id, Model model) {
		ThreadView thread = reader.find(id).orElseThrow(() -> new NotFoundException("no thread " + id));
		List<EntityView> entities = distinct(thread.entities());
		model.addAttribute("thread", thread);
		model.addAttribute("chips",
				search.threadChips(entities.stream().map(e -> new Chip(e.kind(), e.value(), null)).toList()));
		model.addAttribute("links", new SearchLinks());
		model.addAttribute("markdown", markdown);
		List<String> values = entities.stream()
			.filter(e -> !e.kind().endsWith("version"))
			.map(EntityView::value)
			.toList();
		model.addAttribute("similar",
				search.similar(id, thread.title(), values)
					.stream()
					.map(hit -> new SimilarThread(hit, why(hit)))
					.toList());
		return "thread/show";
	}

	/** A similar thread and what it shares with this one: entities, then words. */
	record SimilarThread(Hit hit, List<String> why) {
	}

	/**
	 * The informative entities both threads hold and the telling words of this thread
	 * that matched in the other's text (see {@link TellingWords}), a few of each, none
	 * cited twice, nor inside another one.
	 */
	private List<String> why(Hit hit) {
		List<String> entities = EntityChips.shown(hit.matched())
			.stream()
			.map(Chip::value)
			.distinct()
			.limit(WHY_ENTITIES)
			.toList();
		List<String> matchedWords = hit.snippetParts()
			.stream()
			.filter(SnippetPart::match)
			.map(part -> part.text().strip())
			.toList();
		List<String> words = backend.lexically(threads -> {
			LexicalReader.TermCounts counts = threads.counts(TellingWords.terms(matchedWords));
			long threadCount = threads.threads();
			return matchedWords.stream().filter(word -> TellingWords.telling(word, counts, threadCount)).toList();
		});
		List<String> candidates = Stream.concat(entities.stream(), words.stream()).toList();
		List<String> why = new ArrayList<>();
		for (String reason : candidates) {
			if (why.size() < entities.size() + WHY_WORDS && why.stream().noneMatch(reason::equalsIgnoreCase)
					&& candidates.stream().noneMatch(other -> within(reason, other))) {
				why.add(reason);
			}
		}
		return why;
	}

	/**
	 * Whether {@code reason} is part of a longer one, as {@code -1200} of
	 * {@code NSURLErrorDomain:-1200}.
	 */
	private static boolean within(String reason, String other) {
		return other.length() > reason.length()
				&& other.toLowerCase(Locale.ROOT).contains(reason.toLowerCase(Locale.ROOT));
	}

	/** One chip per entity value, however often it occurs. */
	private static List<EntityView> distinct(List<EntityView> entities) {
		Map<String, EntityView> byValue = new LinkedHashMap<>();
		entities.forEach(entity -> byValue.putIfAbsent(entity.kind() + ":" + entity.value(), entity));
		return List.copyOf(byValue.values());
	}

	private long count(String table) {
		Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
		return count == null ? 0 : count;
	}

}
