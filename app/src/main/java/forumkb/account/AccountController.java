package forumkb.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account API: who am I, my tokens; for admins the users, their roles and the audit
 * log.
 */
@RestController
class AccountController {

	private static final String ACCOUNTS = "Accounts";

	private static final String ADMIN = "Admin";

	private final AccountService accounts;

	private final AuditLog audit;

	AccountController(AccountService accounts, AuditLog audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	record AccountView(long id, String email, Role role, Instant createdAt, boolean enabled) {
		static AccountView of(Account account) {
			return new AccountView(account.getId(), account.getEmail(), account.getRole(), account.getCreatedAt(),
					account.isEnabled());
		}
	}

	record TokenView(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
		static TokenView of(ApiToken token) {
			return new TokenView(token.getId(), token.getName(), token.getCreatedAt(), token.getLastUsedAt(),
					token.getRevokedAt());
		}
	}

	/** The only time a token's secret is answered. */
	record CreatedToken(long id, String name, String token) {
	}

	record TokenRequest(String name) {
	}

	@Operation(tags = ACCOUNTS, summary = "The signed-in account",
			description = "Email, role and creation time of the account the session or token belongs to.")
	@GetMapping("/api/account")
	AccountView me(@AuthenticationPrincipal UserDetails user) {
		return AccountView.of(accounts.signedIn(user));
	}

	@Operation(tags = ACCOUNTS, summary = "List API tokens",
			description = "The account's tokens, revoked ones included; never their secrets.")
	@GetMapping("/api/account/tokens")
	List<TokenView> tokens(@AuthenticationPrincipal UserDetails user) {
		return accounts.tokensOf(accounts.signedIn(user)).stream().map(TokenView::of).toList();
	}

	@Operation(tags = ACCOUNTS, summary = "Create an API token",
			description = "Answers the secret once, for use as `Authorization: Bearer <token>`; it cannot be read again.")
	@PostMapping("/api/account/tokens")
	ResponseEntity<CreatedToken> createToken(@AuthenticationPrincipal UserDetails user,
			@RequestBody(required = false) TokenRequest request) {
		Account account = accounts.signedIn(user);
		AccountService.NewToken created = accounts.createToken(account.getEmail(), account,
				request == null ? null : request.name());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new CreatedToken(created.token().getId(), created.token().getName(), created.secret()));
	}

	@Operation(tags = ACCOUNTS, summary = "Revoke an API token",
			description = "The token stops working at once; answers 204.")
	@DeleteMapping("/api/account/tokens/{id}")
	ResponseEntity<Void> revokeToken(@AuthenticationPrincipal UserDetails user,
			@Parameter(description = "The token's id, as listed") @PathVariable long id) {
		Account account = accounts.signedIn(user);
		accounts.revokeToken(account.getEmail(), account, id);
		return ResponseEntity.noContent().build();
	}

	@Operation(tags = ADMIN, summary = "List accounts",
			description = "Every account with its role and whether it is enabled. Admins only.")
	@GetMapping("/api/admin/users")
	List<AccountView> users() {
		return accounts.all().stream().map(AccountView::of).toList();
	}

	@Operation(tags = ADMIN, summary = "Make an account an engineer",
			description = "Grants the engineer role; recorded in the audit log. Admins only.")
	@PutMapping("/api/admin/users/{id}/engineer")
	AccountView grantEngineer(@AuthenticationPrincipal UserDetails user,
			@Parameter(description = "The account's id") @PathVariable long id) {
		return AccountView.of(accounts.setEngineer(user.getUsername(), id, true));
	}

	@Operation(tags = ADMIN, summary = "Take the engineer role away",
			description = "Makes the account a developer again; recorded in the audit log. Admins only.")
	@DeleteMapping("/api/admin/users/{id}/engineer")
	AccountView revokeEngineer(@AuthenticationPrincipal UserDetails user,
			@Parameter(description = "The account's id") @PathVariable long id) {
		return AccountView.of(accounts.setEngineer(user.getUsername(), id, false));
	}

	@Operation(tags = ADMIN, summary = "Read the audit log",
			description = "The most recent security-relevant events: sign-ins, role changes, token use. Admins only.")
	@GetMapping("/api/admin/audit")
	List<AuditEvent> auditLog() {
		return audit.recent();
	}

}
