package forumkb.digest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin/mail}: the mail the built-in catcher kept, newest first. Admins only. */
@Controller
class MailCatcherController {

	static final int SHOWN = 100;

	private final MailCatcher.CaughtMail caught;

	private final MailRoute route;

	MailCatcherController(MailCatcher.CaughtMail caught, MailRoute route) {
		this.caught = caught;
		this.route = route;
	}

	@GetMapping("/admin/mail")
	String page(Model model) {
		model.addAttribute("caught", route.caught());
		model.addAttribute("smtpServer", route.smtpServer());
		model.addAttribute("mails", caught.recent(SHOWN));
		return "digest/mail";
	}

}
