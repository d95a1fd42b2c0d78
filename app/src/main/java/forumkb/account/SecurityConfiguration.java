package forumkb.account;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may do what. Two chains: {@code /api/**} is stateless, signed in by a bearer token
 * only (so no cookie can act for a user there, and CSRF does not apply); everything else
 * is the browser's, with form login, a session cookie and CSRF tokens on every form.
 * Reading threads and search is open to anyone when {@code forumkb.public-read=true}.
 * Command-line runs (no web server) only get the password encoder.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** No inline script or style anywhere; htmx comes from /webjars (self). */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	private static final RequestMatcher ACTUATOR = PathPatternRequestMatcher.pathPattern("/actuator/**");

	private static final RequestMatcher DIGEST_LINKS = new OrRequestMatcher(
			PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/digest/confirm"),
			PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/digest/unsubscribe"));

	private static final String[] STAFF = { Role.ENGINEER.name(), Role.ADMIN.name() };

	private final boolean publicRead;

	private final LoginBackoff backoff;

	private final AbuseFilter abuse;

	SecurityConfiguration(@Value("${forumkb.public-read:true}") boolean publicRead,
			@Value("${forumkb.login.free-failures:5}") int freeFailures,
			@Value("${forumkb.rate-limit.login:20}") int loginsPerMinute,
			@Value("${forumkb.rate-limit.signup:5}") int signupsPerHour,
			@Value("${forumkb.rate-limit.triage:120}") int triagesPerMinute,
			@Value("${forumkb.rate-limit.reports:30}") int reportsPerHour,
			@Value("${forumkb.api.max-json-bytes:1048576}") long maxJsonBytes) {
		Clock clock = Clock.systemUTC();
		this.publicRead = publicRead;
		this.backoff = new LoginBackoff(freeFailures, clock);
		// Live suggestions and the API share one budget, as do the report form and the
		// API.
		RateLimiter triages = new RateLimiter(triagesPerMinute, Duration.ofMinutes(1), clock);
		RateLimiter reports = new RateLimiter(reportsPerHour, Duration.ofHours(1), clock);
		this.abuse = new AbuseFilter(
				Map.of("/login", new RateLimiter(loginsPerMinute, Duration.ofMinutes(1), clock), "/signup",
						new RateLimiter(signupsPerHour, Duration.ofHours(1), clock), "/api/triage", triages,
						"/triage/suggestions", triages, "/api/reports", reports, "/reports/new", reports),
				backoff, maxJsonBytes);
	}

	/**
	 * BCrypt at {@code forumkb.password.bcrypt-cost} (log2 of its rounds; Spring's
	 * default, 10). A stored hash names its own cost, so a changed setting still matches
	 * the old ones.
	 */
	@Bean
	PasswordEncoder passwordEncoder(@Value("${forumkb.password.bcrypt-cost:10}") int bcryptCost) {
		return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(bcryptCost)));
	}

	@Bean
	@Order(1)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain api(HttpSecurity http, AccountService accounts) throws Exception {
		http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(
					context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(abuse, UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new BearerTokenFilter(accounts), UsernamePasswordAuthenticationFilter.class)
			.headers(this::headers)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> ApiErrorWriter.write(response,
						HttpStatus.UNAUTHORIZED, "sign in: send Authorization: Bearer with a personal API token"))
				.accessDeniedHandler((request, response, e) -> ApiErrorWriter.write(response, HttpStatus.FORBIDDEN,
						"your role may not do this")))
			.authorizeHttpRequests(rules -> {
				rules.requestMatchers("/api/admin/users/**", "/api/admin/audit")
					.hasRole(Role.ADMIN.name())
					.requestMatchers("/api/ingest/**", "/api/admin/**")
					.hasAnyRole(STAFF)
					.requestMatchers("/api/account/**")
					.authenticated()
					.requestMatchers(HttpMethod.GET, "/api/reports")
					.hasAnyRole(STAFF)
					.requestMatchers("/api/reports/**")
					.authenticated();
				readable(rules, HttpMethod.GET, "/api/known-issues/**");
				rules.requestMatchers("/api/known-issues/**").hasAnyRole(STAFF);
				readable(rules, "/api/threads/**", "/api/search", "/api/search/feed", "/api/triage");
				rules.anyRequest().authenticated();
			});
		return http.build();
	}

	@Bean
	@Order(2)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain web(HttpSecurity http, AccountService accounts,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings)
			throws Exception {
		PageRoutes routes = new PageRoutes(mappings);
		http.addFilterBefore(abuse, UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new BearerTokenFilter(accounts), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new AccountRefreshFilter(accounts), SecurityContextHolderFilter.class)
			// A bearer token is no ambient credential a foreign page could ride on: no
			// CSRF token needed.
			// Nor is the signed token of a digest mail's link: a forged cross-site post
			// would need
			// it, and mail clients post the unsubscribe link without any page of ours
			// (RFC 8058).
			.csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearer)
				.ignoringRequestMatchers(DIGEST_LINKS)
				.csrfTokenRequestHandler(eagerCsrfToken()))
			.headers(this::headers)
			.formLogin(login -> login.loginPage("/login")
				.permitAll()
				.successHandler((request, response, authentication) -> {
					backoff.succeeded(authentication.getName(), request.getRemoteAddr());
					new SavedRequestAwareAuthenticationSuccessHandler().onAuthenticationSuccess(request, response,
							authentication);
				})
				.failureHandler((request, response, e) -> {
					backoff.failed(request.getParameter("username"), request.getRemoteAddr());
					response.sendRedirect(request.getContextPath() + "/login?error");
				}))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			// Pages send a browser to the login page; machines scraping metrics get a 401
			// to act on;
			// an address that is no page is a 404 for everyone. A refusal says why on the
			// error page.
			.exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
				if (ACTUATOR.matches(request)) {
					new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED).commence(request, response, e);
				}
				else if (!routes.exists(request)) {
					response.sendError(HttpStatus.NOT_FOUND.value());
				}
				else {
					new LoginUrlAuthenticationEntryPoint("/login").commence(request, response, e);
				}
			}).accessDeniedHandler((request, response, e) -> {
				// The error page reads it from the request, which its error dispatch
				// shares.
				request.setAttribute("refusal", refusal(request, e));
				response.sendError(HttpStatus.FORBIDDEN.value());
			}))
			.authorizeHttpRequests(rules -> {
				rules.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
					.permitAll()
					.requestMatchers("/error", "/assets/**", "/webjars/**", "/favicon.ico", "/login", "/signup")
					.permitAll()
					.requestMatchers("/actuator/health", "/actuator/health/**")
					.permitAll()
					// Digest mail links: the signed token in them says whose subscription
					// it is.
					.requestMatchers("/digest/confirm", "/digest/unsubscribe")
					.permitAll()
					.requestMatchers("/actuator/**")
					.hasRole(Role.ADMIN.name())
					.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
					.permitAll()
					.requestMatchers("/admin/**")
					.hasRole(Role.ADMIN.name())
					.requestMatchers("/ingest/**")
					.hasAnyRole(STAFF)
					.requestMatchers("/account/**")
					.authenticated()
					.requestMatchers("/reports")
					.hasAnyRole(STAFF)
					.requestMatchers("/reports/**")
					.authenticated()
					.requestMatchers("/known-issues/new", "/known-issues/*/edit", "/known-issues/*/links",
							"/known-issues/*/delete", "/known-issues/archived")
					.hasAnyRole(STAFF)
					.requestMatchers(HttpMethod.POST, "/known-issues/**")
					.hasAnyRole(STAFF);
				readable(rules, "/", "/threads/**", "/search", "/known-issues/**", "/triage/**");
				rules.anyRequest().authenticated();
			});
		return http.build();
	}

	/** Why a signed-in user was refused a page, in their words. */
	private static String refusal(HttpServletRequest request, AccessDeniedException e) {
		if (e instanceof CsrfException) {
			return "The form had expired or came from another site: reload the page and send it again.";
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/admin") ? "This page is for admins; your account does not have that role."
				: "This page is for engineers and admins; your account does not have that role. An admin can "
						+ "grant it on Users.";
	}

	private void readable(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules,
			String... paths) {
		readable(rules, null, paths);
	}

	private void readable(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules,
			HttpMethod method, String... paths) {
		if (publicRead) {
			rules.requestMatchers(method, paths).permitAll();
		}
		else {
			rules.requestMatchers(method, paths).authenticated();
		}
	}

	private void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
	}

	/**
	 * Loads the CSRF token (and so the session) before the page renders: a large page is
	 * committed before its last form is reached, and then no session could be created.
	 */
	private static CsrfTokenRequestAttributeHandler eagerCsrfToken() {
		CsrfTokenRequestAttributeHandler handler = new CsrfTokenRequestAttributeHandler();
		handler.setCsrfRequestAttributeName(null);
		return handler;
	}

}
