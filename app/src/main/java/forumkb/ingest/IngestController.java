package forumkb.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import forumkb.system.BadRequestException;
import forumkb.system.NotFoundException;
import forumkb.ingest.parse.SourceFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/ingest}: multipart files, or {@code {"url": …}}; answers with the run
 * (counts and per-item errors). {@code ?async=true} answers 202 at once with the running
 * run.
 */
@RestController
@Tag(name = "Ingest", description = "Import forum exports and follow the runs")
@RequestMapping("/api/ingest")
class IngestController {

	private static final String ASYNC = "Answer 202 at once and ingest in the background; poll the run's location";

	private static final String FORMAT = "Force a source format (`jsonl`, `text`, `html`, `feed`, `discourse`) instead of detecting it";

	private final IngestService ingest;

	private final UrlFetcher fetcher;

	private final IngestRunRepository runs;

	private final IngestErrorRepository errors;

	private final RunThreadReader runThreads;

	IngestController(IngestService ingest, UrlFetcher fetcher, IngestRunRepository runs, IngestErrorRepository errors,
			RunThreadReader runThreads) {
		this.ingest = ingest;
		this.fetcher = fetcher;
		this.runs = runs;
		this.errors = errors;
		this.runThreads = runThreads;
	}

	record UrlRequest(String url, String format) {
	}

	@Operation(summary = "Ingest uploaded forum exports",
			description = "Upload one or more files as multipart parts `files`; each is parsed, deduplicated and indexed. Answers 200 with the finished run (threads created and updated, items that failed and why), or 202 when `async`. Engineers only.")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<IngestRunView> upload(@Parameter(
			description = "The export files: JSON lines, text dumps, HTML pages, RSS/Atom feeds, Discourse exports") @RequestParam(
					name = "files", required = false) List<MultipartFile> files,
			@Parameter(description = "The same as `files`, for clients that name the part `file`") @RequestParam(
					name = "file", required = false) List<MultipartFile> file,
			@Parameter(description = FORMAT) @RequestParam(name = "format", required = false) String format,
			@Parameter(description = ASYNC) @RequestParam(name = "async", defaultValue = "false") boolean async)
			throws IOException {
		List<MultipartFile> all = new ArrayList<>();
		if (files != null) {
			all.addAll(files);
		}
		if (file != null) {
			all.addAll(file);
		}
		if (all.isEmpty()) {
			throw new BadRequestException("no file uploaded: send multipart part \"files\"");
		}
		SourceFormat forced = format(format);
		List<IngestInput> inputs = new ArrayList<>();
		for (MultipartFile part : all) {
			String name = part.getOriginalFilename() == null ? "upload" : part.getOriginalFilename();
			inputs.add(IngestInput.ofBytes(name, part.getBytes(), part.getContentType(), forced));
		}
		String origin = inputs.size() == 1 ? inputs.getFirst().name() : inputs.size() + " files";
		return run(origin, inputs, async);
	}

	@Operation(summary = "Ingest a forum export from a URL",
			description = "Send `{\"url\": \"https://…\", \"format\": …}`; the server fetches the export and ingests it like an upload. A URL that cannot be fetched is a 422. Engineers only.")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IngestRunView> fromUrl(@RequestBody UrlRequest request,
			@Parameter(description = ASYNC) @RequestParam(name = "async", defaultValue = "false") boolean async) {
		if (request == null || request.url() == null || request.url().isBlank()) {
			throw new BadRequestException("give {\"url\": \"https://…\"} or upload files");
		}
		IngestInput input;
		try {
			IngestInput fetched = fetcher.fetch(request.url());
			input = IngestInput.ofBytes(fetched.name(), fetched.bytes(), fetched.contentType(),
					format(request.format()));
		}
		catch (UrlFetcher.FetchException e) {
			throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
		}
		return run(request.url(), List.of(input), async);
	}

	@Operation(summary = "Read an ingest run",
			description = "The run's state and counts, with every item that failed and why, and a page of the threads it created or updated (50 a page, newest first).")
	@GetMapping("/runs/{id}")
	IngestRunView runById(@Parameter(description = "The run's id") @PathVariable long id,
			@Parameter(description = "Page of the run's threads, from 0; past the end gives the last") @RequestParam(
					defaultValue = "0") int page) {
		IngestRun run = runs.findById(id).orElseThrow(() -> new NotFoundException("no ingest run " + id));
		return IngestRunView.of(run, errors.findByRunIdOrderById(id), runThreads.page(id, page));
	}

	@Operation(summary = "List recent ingest runs",
			description = "The twenty most recent runs, newest first, without their item errors.")
	@GetMapping("/runs")
	List<IngestRunView> recentRuns() {
		return IngestRunView.recent(runs);
	}

	private ResponseEntity<IngestRunView> run(String origin, List<IngestInput> inputs, boolean async) {
		if (async) {
			IngestRun run = ingest.start(origin, inputs);
			return ResponseEntity.status(HttpStatus.ACCEPTED).body(IngestRunView.of(run, List.of(), null));
		}
		IngestRun run = ingest.ingest(origin, inputs);
		return ResponseEntity
			.ok(IngestRunView.of(run, errors.findByRunIdOrderById(run.getId()), runThreads.page(run.getId(), 0)));
	}

	static SourceFormat format(String name) {
		if (name == null || name.isBlank() || name.equalsIgnoreCase("auto")) {
			return null;
		}
		try {
			return SourceFormat.fromName(name);
		}
		catch (IllegalArgumentException e) {
			throw new BadRequestException("unknown format \"" + name + "\": use jsonl, text, html, feed or discourse");
		}
	}

}
