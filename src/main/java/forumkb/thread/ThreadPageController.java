package forumkb.thread;

import forumkb.system.NotFoundException;
import forumkb.search.SearchLinks;
import forumkb.search.SearchService;
import forumkb.thread.ThreadView.EntityView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The thread list (home page) and a thread's page with entity chips and similar threads. */
@Controller
class ThreadPageController {

    private static final int PAGE_SIZE = 50;

    private final ThreadReader reader;
    private final SearchService search;
    private final JdbcTemplate jdbc;

    ThreadPageController(ThreadReader reader, SearchService search, JdbcTemplate jdbc) {
        this.search = search;
        this.reader = reader;
        this.jdbc = jdbc;
    }

    @GetMapping("/")
    String home(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<ThreadSummary> found = reader.recent(page, PAGE_SIZE);
        model.addAttribute("threads", found.getContent());
        model.addAttribute("page", found.getNumber());
        model.addAttribute("totalPages", found.getTotalPages());
        model.addAttribute("threadCount", found.getTotalElements());
        model.addAttribute("postCount", count("post"));
        model.addAttribute("entityCount", count("thread_entity"));
        return "index";
    }

    @GetMapping("/threads/{id}")
    String thread(@PathVariable long id, Model model) {
        ThreadView thread = reader.find(id)
                .orElseThrow(() -> new NotFoundException("no thread " + id));
        List<EntityView> entities = distinct(thread.entities());
        model.addAttribute("thread", thread);
        model.addAttribute("chips", entities.stream().map(e -> search.chip(e.kind(), e.value())).toList());
        model.addAttribute("links", new SearchLinks());
        List<String> values = entities.stream().filter(e -> !e.kind().endsWith("version")).map(EntityView::value)
                .toList();
        model.addAttribute("similar", search.similar(id, thread.title(), values));
        return "thread/show";
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
