package forumkb.account;

import forumkb.system.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Accounts, sign-up policy, roles and personal API tokens; every change is audit-logged.
 */
@Service
public class AccountService {

	static final int MIN_PASSWORD_LENGTH = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private final AccountRepository accounts;

	private final ApiTokenRepository tokens;

	private final AuditLog audit;

	private final PasswordEncoder passwords;

	private final boolean signupEnabled;

	private final List<String> allowedDomains;

	AccountService(AccountRepository accounts, ApiTokenRepository tokens, AuditLog audit, PasswordEncoder passwords,
			@Value("${forumkb.signup.enabled:true}") boolean signupEnabled,
			@Value("${forumkb.signup.allowed-domains:}") String allowedDomains) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.audit = audit;
		this.passwords = passwords;
		this.signupEnabled = signupEnabled;
		this.allowedDomains = Arrays.stream(allowedDomains.split(","))
			.map(String::strip)
			.filter(domain -> !domain.isEmpty())
			.map(domain -> domain.toLowerCase(Locale.ROOT))
			.toList();
	}

	/** A new token and what it is stored as; the token itself is never stored. */
	public record NewToken(ApiToken token, String secret) {
	}

	public boolean signupEnabled() {
		return signupEnabled;
	}

	public List<String> allowedDomains() {
		return allowedDomains;
	}

	public Optional<Account> find(String email) {
		return accounts.findByEmailIgnoreCase(email.strip());
	}

	/** The account of a signed-in user (deleted meanwhile: 401). */
	public Account signedIn(UserDetails user) {
		return find(user.getUsername())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "no such account"));
	}

	/** The accounts asked for that exist, by id, for lists that name people. */
	public Map<Long, Account> byIds(Collection<Long> ids) {
		Map<Long, Account> found = new HashMap<>();
		accounts.findAllById(ids).forEach(account -> found.put(account.getId(), account));
		return found;
	}

	/** The email of each account asked for that exists. */
	public Map<Long, String> emails(Collection<Long> ids) {
		Map<Long, String> emails = new HashMap<>();
		byIds(ids).forEach((id, account) -> emails.put(id, account.getEmail()));
		return emails;
	}

	public List<Account> all() {
		return accounts.findAllByOrderById();
	}

	public long count() {
		return accounts.count();
	}

	/**
	 * A developer signs themselves up; fails with a message the form can show. An email
	 * that already has an account is answered as a new one would be (its account is left
	 * as it is, and its password hashed all the same, so neither the answer nor its time
	 * tells).
	 */
	@Transactional
	public void signUp(String email, String password) {
		if (!signupEnabled) {
			throw new BadRequestException("sign-up is turned off; ask an admin for an account");
		}
		String normalised = normaliseEmail(email);
		String domain = normalised.substring(normalised.indexOf('@') + 1);
		if (!allowedDomains.isEmpty() && !allowedDomains.contains(domain)) {
			throw new BadRequestException(
					"sign-up is open to " + String.join(", ", allowedDomains) + " addresses only");
		}
		requireLongEnough(password);
		if (accounts.findByEmailIgnoreCase(normalised).isPresent()) {
			passwords.encode(password);
			audit.record(normalised, "account.signup-existing", normalised, null);
			return;
		}
		create(normalised, password, Role.DEVELOPER);
		audit.record(normalised, "account.signup", normalised, Role.DEVELOPER.name());
	}

	/**
	 * Creates an account with a role, by an operator or an admin (no sign-up policy
	 * applies).
	 */
	@Transactional
	public Account create(String email, String password, Role role) {
		String normalised = normaliseEmail(email);
		requireLongEnough(password);
		if (accounts.findByEmailIgnoreCase(normalised).isPresent()) {
			throw new BadRequestException("an account for " + normalised + " already exists");
		}
		return accounts.save(new Account(normalised, passwords.encode(password), role));
	}

	private static void requireLongEnough(String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new BadRequestException("the password needs at least " + MIN_PASSWORD_LENGTH + " characters");
		}
	}

	/** Grants or takes back ENGINEER; admins stay admins. */
	@Transactional
	public Account setEngineer(String actor, long accountId, boolean engineer) {
		Account account = accounts.findById(accountId)
			.orElseThrow(() -> new BadRequestException("no account " + accountId));
		if (account.getRole() == Role.ADMIN) {
			throw new BadRequestException(account.getEmail() + " is an admin");
		}
		Role role = engineer ? Role.ENGINEER : Role.DEVELOPER;
		if (account.getRole() != role) {
			Role before = account.getRole();
			account.changeRole(role);
			audit.record(actor, engineer ? "role.grant" : "role.revoke", account.getEmail(), before + " -> " + role);
		}
		return account;
	}

	/** Turns mail about reports on or off for the account. */
	@Transactional
	public void setReportMail(Account account, boolean wanted) {
		Account stored = accounts.findById(account.getId())
			.orElseThrow(() -> new BadRequestException("no account " + account.getId()));
		if (stored.wantsReportMail() != wanted) {
			stored.changeReportMail(wanted);
			audit.record(stored.getEmail(), wanted ? "report-mail.on" : "report-mail.off", stored.getEmail(), null);
		}
	}

	/** Whether the account with this email wants mail about reports. */
	public boolean wantsReportMail(String email) {
		return find(email).map(Account::wantsReportMail).orElse(false);
	}

	@Transactional
	public NewToken createToken(String actor, Account account, String name) {
		String label = name == null || name.isBlank() ? "token" : name.strip();
		if (label.length() > 100) {
			throw new BadRequestException("a token name has at most 100 characters");
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = "fkb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiToken token = tokens.save(new ApiToken(account, label, sha256(secret)));
		audit.record(actor, "token.create", account.getEmail(), label + " (#" + token.getId() + ")");
		return new NewToken(token, secret);
	}

	public List<ApiToken> tokensOf(Account account) {
		return tokens.findByAccountIdOrderById(account.getId());
	}

	@Transactional
	public void revokeToken(String actor, Account account, long tokenId) {
		ApiToken token = tokens.findByIdAndAccountId(tokenId, account.getId())
			.orElseThrow(() -> new BadRequestException("no token " + tokenId));
		if (!token.isRevoked()) {
			token.revoke();
			tokens.save(token);
			audit.record(actor, "token.revoke", account.getEmail(), token.getName() + " (#" + tokenId + ")");
		}
	}

	/**
	 * The enabled account a live token belongs to; notes when the token was used, to the
	 * minute the tokens page shows, so a client calling the API many times a minute does
	 * not commit a write with every call.
	 */
	public Optional<Account> authenticate(String secret) {
		Optional<ApiToken> token = tokens.findByTokenHashAndRevokedAtIsNull(sha256(secret));
		Instant now = Instant.now();
		token
			.filter(found -> found.getLastUsedAt() == null
					|| found.getLastUsedAt().isBefore(now.minus(LAST_USED_PRECISION)))
			.ifPresent(found -> tokens.touch(found.getId(), now));
		return token.map(ApiToken::getAccount).filter(Account::isEnabled);
	}

	static String normaliseEmail(String email) {
		String value = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		int at = value.indexOf('@');
		if (value.length() > 254 || at <= 0 || at != value.lastIndexOf('@') || at == value.length() - 1
				|| value.chars().anyMatch(Character::isWhitespace)) {
			throw new BadRequestException("not an email address: " + (email == null ? "" : email.strip()));
		}
		return value;
	}

	static String sha256(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
