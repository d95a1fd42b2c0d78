package forumkb.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser session keeps the roles it signed in with; this reads the account row on
 * every request instead, so a role taken away applies to open sessions at once, and a
 * disabled or deleted account's session is signed out. (API tokens read the account on
 * every request.)
 */
final class AccountRefreshFilter extends OncePerRequestFilter {

	private final AccountService accounts;

	private final SecurityContextRepository sessions = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	AccountRefreshFilter(AccountService accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn instanceof UsernamePasswordAuthenticationToken && signedIn.getPrincipal() instanceof UserDetails
				&& !BearerTokenFilter.hasBearer(request)) {
			Optional<Account> account = accounts.find(signedIn.getName()).filter(Account::isEnabled);
			if (account.isEmpty()) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
			else {
				UserDetails current = AccountUserDetailsService.userOf(account.get(), "");
				if (!new HashSet<>(current.getAuthorities()).equals(new HashSet<>(signedIn.getAuthorities()))) {
					SecurityContext context = SecurityContextHolder.createEmptyContext();
					context.setAuthentication(
							UsernamePasswordAuthenticationToken.authenticated(current, null, current.getAuthorities()));
					SecurityContextHolder.setContext(context);
					sessions.saveContext(context, request, response);
				}
			}
		}
		chain.doFilter(request, response);
	}

}
