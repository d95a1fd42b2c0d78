package forumkb.account;

import forumkb.system.CommandLine;
import org.springframework.stereotype.Component;

/**
 * {@code token create EMAIL [NAME]}: mints a personal API token for an account and prints
 * it once.
 */
@Component
class TokenCommand implements CommandLine.Command {

	private final AccountService accounts;

	TokenCommand(AccountService accounts) {
		this.accounts = accounts;
	}

	@Override
	public String name() {
		return "token";
	}

	@Override
	public String usage() {
		return "token create EMAIL [NAME]   mint an API token for an account (printed once)";
	}

	@Override
	public int run(String[] args) {
		if (args.length < 2 || args.length > 3 || !"create".equals(args[0])) {
			throw new IllegalArgumentException("expected: token create EMAIL [NAME]");
		}
		Account account = accounts.find(args[1]).orElse(null);
		if (account == null) {
			System.err.println("No account " + args[1]);
			return 1;
		}
		String name = args.length == 3 ? args[2] : "command line";
		AccountService.NewToken created = accounts.createToken("command-line", account, name);
		System.out.println(created.secret());
		System.err.println("Token #" + created.token().getId() + " \"" + created.token().getName() + "\" for "
				+ account.getEmail() + " (" + account.getRole() + "); it is not shown again."
				+ " Use it as: Authorization: Bearer TOKEN");
		return 0;
	}

}
