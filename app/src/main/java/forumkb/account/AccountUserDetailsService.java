package forumkb.account;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Form login reads accounts from PostgreSQL. */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	AccountUserDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		Account account = accounts.findByEmailIgnoreCase(email.strip())
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
		return userOf(account, account.getPasswordHash());
	}

	static UserDetails userOf(Account account, String passwordHash) {
		return User.withUsername(account.getEmail())
			.password(passwordHash)
			.roles(account.getRole().name())
			.disabled(!account.isEnabled())
			.build();
	}

}
