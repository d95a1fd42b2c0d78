package forumkb;

import forumkb.account.Account;
import forumkb.account.AccountService;
import forumkb.account.Role;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * Accounts and tokens made straight through the service, for tests that need to be
 * someone.
 */
public final class TestAccounts {

	public static final String PASSWORD = "correct horse battery";

	private TestAccounts() {
	}

	public static Account account(ApplicationContext application, Role role) {
		String email = role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8)
				+ "@test.example";
		return application.getBean(AccountService.class).create(email, PASSWORD, role);
	}

	/** A new account with the role, and a token for it. */
	public static String token(ApplicationContext application, Role role) {
		Account account = account(application, role);
		return application.getBean(AccountService.class).createToken("test", account, "test").secret();
	}

}
