package forumkb.digest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import forumkb.account.AccountService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The digest API: a preview of any week's digest, as content, plain text and HTML. */
@RestController
@Tag(name = "Digest", description = "The weekly e-mail digest")
class DigestController {

	private final DigestPreview previews;

	private final AccountService accounts;

	DigestController(DigestPreview previews, AccountService accounts) {
		this.previews = previews;
		this.accounts = accounts;
	}

	record PreviewView(String week, Long subscriptionId, String subject, boolean empty, DigestContent content,
			String text, String html) {
	}

	/**
	 * {@code week} as {@code YYYY-Www} (default: last week); {@code subscription}: admins
	 * only.
	 */
	@Operation(summary = "Preview a weekly digest",
			description = "The digest of a week for the signed-in user's subscription, as structured content, plain text and HTML, without sending it.")
	@GetMapping("/api/digest/preview")
	PreviewView preview(@AuthenticationPrincipal UserDetails user,
			@Parameter(description = "ISO week as `YYYY-Www`; default: last week",
					example = "2026-W14") @RequestParam(required = false) String week,
			@Parameter(
					description = "Another subscription's id, to preview what it receives; admins only") @RequestParam(
							required = false) Long subscription) {
		DigestPreview.Preview preview = previews.preview(accounts.signedIn(user), subscription, week);
		return new PreviewView(preview.digest().week().toString(),
				preview.subscription() == null ? null : preview.subscription().id(), preview.rendered().subject(),
				preview.digest().isEmpty(), preview.digest(), preview.rendered().text(), preview.rendered().html());
	}

}
