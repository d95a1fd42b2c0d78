package forumkb.digest;

import forumkb.system.BadRequestException;
import forumkb.account.Account;
import forumkb.account.AccountService;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The subscriber's pages: digest settings and preview (signed in), and the pages the mail
 * links lead to, which work without signing in because the signed token says who it is.
 */
@Controller
class DigestPageController {

	private static final TreeSet<String> ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds());

	private final SubscriptionService subscriptions;

	private final DigestPreview previews;

	private final AccountService accounts;

	private final MailRoute mailRoute;

	DigestPageController(SubscriptionService subscriptions, DigestPreview previews, AccountService accounts,
			MailRoute mailRoute) {
		this.mailRoute = mailRoute;
		this.subscriptions = subscriptions;
		this.previews = previews;
		this.accounts = accounts;
	}

	/** The settings page says how to deliver mail where the catcher keeps it. */
	@ModelAttribute("caught")
	boolean mailCaught() {
		return mailRoute.caught();
	}

	@GetMapping("/account/digest")
	String settings(@AuthenticationPrincipal UserDetails user, Model model) {
		Account account = accounts.signedIn(user);
		model.addAttribute("account", account);
		model.addAttribute("subscription", subscriptions.of(account).orElse(null));
		model.addAttribute("zones", ZONES);
		return "digest/settings";
	}

	@PostMapping("/account/digest")
	String save(@AuthenticationPrincipal UserDetails user, @RequestParam(defaultValue = "") String tags,
			@RequestParam(defaultValue = "") String frameworks, @RequestParam(defaultValue = "") String apis,
			@RequestParam(defaultValue = "") String errorCodes, @RequestParam(defaultValue = "") String knownIssues,
			@RequestParam(defaultValue = "UTC") String timeZone,
			@RequestParam(defaultValue = "false") boolean skipEmpty, Model model, HttpServletResponse response) {
		Account account = accounts.signedIn(user);
		try {
			DigestFilters filters = DigestFilters.parse(tags, frameworks, apis, errorCodes, knownIssues);
			SubscriptionService.Saved saved = subscriptions.save(account, filters, timeZone, skipEmpty);
			model.addAttribute("saved", saved);
		}
		catch (BadRequestException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", e.getMessage());
		}
		return settings(user, model);
	}

	/**
	 * The other mail a user gets: about their reports and the reports assigned to them.
	 */
	@PostMapping("/account/report-mail")
	String reportMail(@AuthenticationPrincipal UserDetails user,
			@RequestParam(defaultValue = "false") boolean reportMail, RedirectAttributes redirect) {
		accounts.setReportMail(accounts.signedIn(user), reportMail);
		redirect.addFlashAttribute("message", reportMail ? "Report mail is on." : "Report mail is off.");
		return "redirect:/account/digest#report-mail";
	}

	@PostMapping("/account/digest/unsubscribe")
	String unsubscribe(@AuthenticationPrincipal UserDetails user) {
		subscriptions.of(accounts.signedIn(user)).ifPresent(subscriptions::unsubscribe);
		return "redirect:/account/digest";
	}

	@GetMapping("/account/digest/preview")
	String preview(@AuthenticationPrincipal UserDetails user, @RequestParam(required = false) String week,
			@RequestParam(required = false) Long subscription, Model model) {
		DigestPreview.Preview preview = previews.preview(accounts.signedIn(user), subscription, week);
		model.addAttribute("preview", preview);
		return "digest/preview";
	}

	/**
	 * The link in the confirmation mail: a page with one button, so link scanners do not
	 * confirm for the reader.
	 */
	@GetMapping("/digest/confirm")
	String confirmPage(@RequestParam(defaultValue = "") String token, Model model) {
		subscriptions.checkConfirmation(token);
		model.addAttribute("token", token);
		model.addAttribute("action", "confirm");
		return "digest/link";
	}

	@PostMapping("/digest/confirm")
	String confirm(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("confirmed", subscriptions.confirm(token).isPresent());
		model.addAttribute("action", "confirmed");
		return "digest/link";
	}

	@GetMapping("/digest/unsubscribe")
	String unsubscribePage(@RequestParam(defaultValue = "") String token, Model model) {
		subscriptions.checkUnsubscribe(token);
		model.addAttribute("token", token);
		model.addAttribute("action", "unsubscribe");
		return "digest/link";
	}

	/**
	 * The page's button and the mail client's one-click POST (RFC 8058) both land here.
	 */
	@PostMapping("/digest/unsubscribe")
	String unsubscribeByToken(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("subscription", subscriptions.unsubscribeByToken(token));
		model.addAttribute("action", "unsubscribed");
		return "digest/link";
	}

}
