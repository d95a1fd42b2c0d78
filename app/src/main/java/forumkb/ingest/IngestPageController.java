package forumkb.ingest;

import forumkb.system.NotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The ingest page: upload files or give a URL, then watch the run's progress and report.
 */
@Controller
class IngestPageController {

	private final IngestService ingest;

	private final UrlFetcher fetcher;

	private final IngestRunRepository runs;

	private final IngestErrorRepository errors;

	private final RunThreadReader runThreads;

	IngestPageController(IngestService ingest, UrlFetcher fetcher, IngestRunRepository runs,
			IngestErrorRepository errors, RunThreadReader runThreads) {
		this.ingest = ingest;
		this.fetcher = fetcher;
		this.runs = runs;
		this.errors = errors;
		this.runThreads = runThreads;
	}

	@GetMapping("/ingest")
	String form(Model model) {
		model.addAttribute("runs", IngestRunView.recent(runs));
		return "ingest/form";
	}

	@PostMapping("/ingest")
	String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(name = "format", required = false) String format, Model model) throws IOException {
		List<IngestInput> inputs = new ArrayList<>();
		if (files != null) {
			for (MultipartFile file : files) {
				if (!file.isEmpty()) {
					inputs.add(IngestInput.ofBytes(file.getOriginalFilename(), file.getBytes(), file.getContentType(),
							IngestController.format(format)));
				}
			}
		}
		if (inputs.isEmpty()) {
			return formWithError(model, "Choose at least one non-empty file.");
		}
		String origin = inputs.size() == 1 ? inputs.getFirst().name() : inputs.size() + " files";
		return "redirect:/ingest/runs/" + ingest.start(origin, inputs).getId();
	}

	@PostMapping("/ingest/url")
	String fromUrl(@RequestParam String url, Model model) {
		try {
			IngestInput input = fetcher.fetch(url);
			return "redirect:/ingest/runs/" + ingest.start(url, List.of(input)).getId();
		}
		catch (UrlFetcher.FetchException e) {
			return formWithError(model, e.getMessage());
		}
	}

	@GetMapping("/ingest/runs/{id}")
	String run(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("run", view(id, page));
		return "ingest/run";
	}

	/** The report fragment the run page polls while the run is going. */
	@GetMapping("/ingest/runs/{id}/report")
	String report(@PathVariable long id, Model model) {
		model.addAttribute("run", view(id, 0));
		return "ingest/run :: report";
	}

	private IngestRunView view(long id, int page) {
		IngestRun run = runs.findById(id).orElseThrow(() -> new NotFoundException("no ingest run " + id));
		return IngestRunView.of(run, errors.findByRunIdOrderById(id), runThreads.page(id, page));
	}

	private String formWithError(Model model, String error) {
		model.addAttribute("error", error);
		return form(model);
	}

}
