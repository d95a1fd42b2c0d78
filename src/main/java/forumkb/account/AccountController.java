package forumkb.account;

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

/** The account API: who am I, my tokens; for admins the users, their roles and the audit log. */
@RestController
class AccountController {

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

    @GetMapping("/api/account")
    AccountView me(@AuthenticationPrincipal UserDetails user) {
        return AccountView.of(accounts.signedIn(user));
    }

    @GetMapping("/api/account/tokens")
    List<TokenView> tokens(@AuthenticationPrincipal UserDetails user) {
        return accounts.tokensOf(accounts.signedIn(user)).stream().map(TokenView::of).toList();
    }

    @PostMapping("/api/account/tokens")
    ResponseEntity<CreatedToken> createToken(@AuthenticationPrincipal UserDetails user,
            @RequestBody(required = false) TokenRequest request) {
        Account account = accounts.signedIn(user);
        AccountService.NewToken created = accounts.createToken(account.getEmail(), account,
                request == null ? null : request.name());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedToken(created.token().getId(), created.token().getName(), created.secret()));
    }

    @DeleteMapping("/api/account/tokens/{id}")
    ResponseEntity<Void> revokeToken(@AuthenticationPrincipal UserDetails user, @PathVariable long id) {
        Account account = accounts.signedIn(user);
        accounts.revokeToken(account.getEmail(), account, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/admin/users")
    List<AccountView> users() {
        return accounts.all().stream().map(AccountView::of).toList();
    }

    @PutMapping("/api/admin/users/{id}/engineer")
    AccountView grantEngineer(@AuthenticationPrincipal UserDetails user, @PathVariable long id) {
        return AccountView.of(accounts.setEngineer(user.getUsername(), id, true));
    }

    @DeleteMapping("/api/admin/users/{id}/engineer")
    AccountView revokeEngineer(@AuthenticationPrincipal UserDetails user, @PathVariable long id) {
        return AccountView.of(accounts.setEngineer(user.getUsername(), id, false));
    }

    @GetMapping("/api/admin/audit")
    List<AuditEvent> auditLog() {
        return audit.recent();
    }
}
