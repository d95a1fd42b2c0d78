package forumkb.digest;

import forumkb.account.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's digest page: deliveries and their problems, send a week's digest now, send
 * an interrupted one again.
 */
@Controller
class DigestAdminController {

	static final int SHOWN = 200;

	private final DeliveryRepository deliveries;

	private final SubscriptionRepository subscriptions;

	private final DigestRunner runner;

	private final DigestSender sender;

	private final AuditLog audit;

	private final Clock clock = Clock.systemUTC();

	DigestAdminController(DeliveryRepository deliveries, SubscriptionRepository subscriptions, DigestRunner runner,
			DigestSender sender, AuditLog audit) {
		this.deliveries = deliveries;
		this.subscriptions = subscriptions;
		this.runner = runner;
		this.sender = sender;
		this.audit = audit;
	}

	@GetMapping("/admin/digest")
	String page(Model model) {
		Instant now = clock.instant();
		model.addAttribute("deliveries", deliveries.recent(SHOWN));
		model.addAttribute("subscriptions", subscriptions.all());
		model.addAttribute("lastWeek", IsoWeek.containing(now, ZoneOffset.UTC).previous());
		model.addAttribute("staleBefore", now.minus(sender.claimTimeout()));
		return "digest/admin";
	}

	/**
	 * "Send this week's digest now": the week that ended, to every active subscriber who
	 * has not had it.
	 */
	@PostMapping("/admin/digest/send")
	String sendNow(@AuthenticationPrincipal UserDetails user, @RequestParam String week, RedirectAttributes redirect) {
		IsoWeek chosen = IsoWeek.parse(week);
		DigestRunner.RunResult result = runner.sendNow(chosen, clock.instant());
		audit.record(user.getUsername(), "digest.send-now", chosen.toString(), result.outcomes().toString());
		redirect.addFlashAttribute("message",
				result.ran()
						? "Digest " + chosen + ": " + result.count(DigestSender.Outcome.SENT) + " sent, "
								+ result.count(DigestSender.Outcome.FAILED) + " failed, "
								+ result.count(DigestSender.Outcome.SKIPPED) + " skipped as empty, "
								+ result.count(DigestSender.Outcome.NOT_CLAIMED) + " already handled."
						: "Another digest run is in progress; try again in a minute.");
		return "redirect:/admin/digest";
	}

	/**
	 * An interrupted send may have arrived; only a person can decide to risk a second
	 * copy.
	 */
	@PostMapping("/admin/digest/deliveries/{id}/resend")
	String resend(@AuthenticationPrincipal UserDetails user, @PathVariable long id, RedirectAttributes redirect) {
		Instant now = clock.instant();
		boolean queued = deliveries.resend(id, now, now.minus(sender.claimTimeout()));
		if (queued) {
			audit.record(user.getUsername(), "digest.resend", "delivery " + id, null);
		}
		redirect.addFlashAttribute("message", queued ? "Delivery " + id + " goes out with the next run."
				: "Delivery " + id + " is not an interrupted send (any more).");
		return "redirect:/admin/digest";
	}

}
