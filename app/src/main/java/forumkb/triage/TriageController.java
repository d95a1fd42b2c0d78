package forumkb.triage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import forumkb.account.Role;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/triage {"text": …}}: ranked known issues and threads, each with why.
 */
@RestController
@Tag(name = "Triage", description = "Match an error report against known issues and threads")
class TriageController {

	private final TriageService triage;

	TriageController(TriageService triage) {
		this.triage = triage;
	}

	record TriageRequest(String text) {
	}

	@Operation(summary = "Triage an error report",
			description = "Send a log, crash report or error message as `{\"text\": …}`; the answer ranks the "
					+ "matching known issues and threads, each with a confidence and the reasons it matched. "
					+ "Engineers also see internal known-issue notes. An empty or missing text is a 400.")
	@PostMapping("/api/triage")
	TriageResult triage(@RequestBody TriageRequest request, Authentication viewer) {
		return triage.triage(request == null ? null : request.text(), Role.staff(viewer));
	}

}
