package forumkb.account;

import forumkb.system.BadRequestException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in and sign-up pages, the signed-in user's tokens, and the admin's users and audit
 * log.
 */
@Controller
class AccountPageController {

	private final AccountService accounts;

	private final AuditLog audit;

	AccountPageController(AccountService accounts, AuditLog audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("signupEnabled", accounts.signupEnabled());
		return "account/login";
	}

	@GetMapping("/signup")
	String signupForm(Model model) {
		model.addAttribute("signupEnabled", accounts.signupEnabled());
		model.addAttribute("allowedDomains", accounts.allowedDomains());
		return "account/signup";
	}

	@PostMapping("/signup")
	String signup(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
			Model model, HttpServletResponse response) {
		try {
			accounts.signUp(email, password);
			return "redirect:/login?signedUp";
		}
		catch (BadRequestException e) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", e.getMessage());
			model.addAttribute("email", email);
			return signupForm(model);
		}
	}

	@GetMapping("/account/tokens")
	String tokens(@AuthenticationPrincipal UserDetails user, Model model) {
		Account account = accounts.signedIn(user);
		model.addAttribute("account", account);
		model.addAttribute("tokens", accounts.tokensOf(account));
		return "account/tokens";
	}

	@PostMapping("/account/tokens")
	String createToken(@AuthenticationPrincipal UserDetails user, @RequestParam(defaultValue = "") String name,
			Model model) {
		Account account = accounts.signedIn(user);
		model.addAttribute("created", accounts.createToken(account.getEmail(), account, name));
		return tokens(user, model);
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal UserDetails user, @PathVariable long id) {
		Account account = accounts.signedIn(user);
		accounts.revokeToken(account.getEmail(), account, id);
		return "redirect:/account/tokens";
	}

	@GetMapping("/admin/users")
	String users(Model model) {
		model.addAttribute("users", accounts.all());
		return "account/users";
	}

	@PostMapping("/admin/users/{id}/engineer")
	String setEngineer(@AuthenticationPrincipal UserDetails user, @PathVariable long id, @RequestParam boolean grant) {
		accounts.setEngineer(user.getUsername(), id, grant);
		return "redirect:/admin/users";
	}

	@GetMapping("/admin/audit")
	String audit(Model model) {
		model.addAttribute("events", audit.recent());
		return "account/audit";
	}

}
