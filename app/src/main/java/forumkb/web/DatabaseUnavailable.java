package forumkb.web;

import forumkb.system.DatabaseFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database cannot be reached, every request is answered 503 (the API's JSON
 * body, a readable page elsewhere), never 500: at once while the embedded PostgreSQL is
 * being restarted (the application refuses traffic), and whenever a request fails for
 * want of a connection (an external database down; the pool reconnects when it is back).
 */
final class DatabaseUnavailable {

	static final String MESSAGE = "the database is unavailable; try again in a few seconds";

	/** Seconds a client should wait before trying again: about what a restart takes. */
	static final String RETRY_AFTER = "5";

	private static final Set<String> ALWAYS_SERVED = Set.of("/actuator/health", "/assets/", "/webjars/");

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

	private DatabaseUnavailable() {
	}

	private static boolean api(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api");
	}

	/** Failures in controllers: ahead of the general handler, which would answer 500. */
	@RestControllerAdvice
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class Handler {

		@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
				TransientDataAccessResourceException.class })
		Object unavailable(HttpServletRequest request, HttpServletResponse response, Exception e) {
			log.warn("Database unavailable on {}: {}", request.getRequestURI(), e.getMessage());
			response.setHeader("Retry-After", RETRY_AFTER);
			return ApiExceptionHandler.respond(request, HttpStatus.SERVICE_UNAVAILABLE, MESSAGE);
		}

	}

	/**
	 * Requests while the application refuses traffic, and failures in filters (bearer
	 * tokens, sessions).
	 */
	@Component
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	static class Gate extends OncePerRequestFilter {

		private final ApplicationAvailability availability;

		Gate(ApplicationAvailability availability) {
			this.availability = availability;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC && !alwaysServed(request)) {
				answer(request, response);
				return;
			}
			try {
				chain.doFilter(request, response);
			}
			catch (ServletException | RuntimeException e) {
				if (!DatabaseFailures.unreachable(e) || response.isCommitted()) {
					throw e;
				}
				log.warn("Database unavailable on {}: {}", request.getRequestURI(), e.getMessage());
				answer(request, response);
			}
		}

		private static boolean alwaysServed(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return ALWAYS_SERVED.stream().anyMatch(path::startsWith);
		}

		private static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.setHeader("Retry-After", RETRY_AFTER);
			if (api(request)) {
				ApiError.write(response, HttpStatus.SERVICE_UNAVAILABLE, MESSAGE);
			}
			else {
				// The error page, rendered by the error controller like any other error.
				response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value(), MESSAGE);
			}
		}

	}

}
