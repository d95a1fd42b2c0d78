package forumkb.triage;

import forumkb.account.Role;
import org.springframework.security.core.Authentication;
import forumkb.system.BadRequestException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The triage page: paste error text, see suggestions while typing (htmx posts the text to
 * {@code /triage/suggestions} after a pause), and submit it as a report when signed in.
 */
@Controller
class TriagePageController {

	private final TriageService triage;

	TriagePageController(TriageService triage) {
		this.triage = triage;
	}

	@GetMapping("/triage")
	String page() {
		return "triage/page";
	}

	@PostMapping("/triage/suggestions")
	String suggestions(@RequestParam(defaultValue = "") String text,
			@RequestParam(defaultValue = "") String description, Authentication viewer, Model model) {
		String combined = description.isBlank() ? text : description + "\n" + text;
		if (combined.isBlank()) {
			return "triage/suggestions :: empty";
		}
		try {
			model.addAttribute("result", triage.triage(combined, Role.staff(viewer)));
		}
		catch (BadRequestException e) {
			model.addAttribute("error", e.getMessage());
		}
		return "triage/suggestions :: suggestions";
	}

}
