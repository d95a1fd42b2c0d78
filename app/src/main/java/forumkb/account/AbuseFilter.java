package forumkb.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away abuse before it costs anything: 429 with Retry-After when an IP address
 * posts to a rate-limited path (login, sign-up; triage and report submission join
 * {@code limits} when they arrive) too often, or an email is in login back-off; 413 for a
 * JSON (or any API) body over the cap (by its Content-Length, or while it is read when it
 * has none).
 */
final class AbuseFilter extends OncePerRequestFilter {

	private final Map<String, RateLimiter> limits;

	private final LoginBackoff backoff;

	private final long maxJsonBytes;

	/** {@code limits}: rate limiter by the path a POST goes to. */
	AbuseFilter(Map<String, RateLimiter> limits, LoginBackoff backoff, long maxJsonBytes) {
		this.limits = limits;
		this.backoff = backoff;
		this.maxJsonBytes = maxJsonBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean capped = isCapped(request, path);
		if (capped && request.getContentLengthLong() > maxJsonBytes) {
			String message = "request body too large: the limit for JSON is " + maxJsonBytes + " bytes";
			reject(request, response, HttpStatus.CONTENT_TOO_LARGE, message, 0);
			return;
		}
		if (capped && request.getContentLengthLong() < 0) {
			request = new CappedJsonRequest(request, maxJsonBytes);
		}
		if ("POST".equals(request.getMethod())) {
			RateLimiter limiter = limits.get(path);
			if (limiter != null) {
				long wait = limiter.acquire(request.getRemoteAddr());
				if (wait > 0) {
					reject(request, response, HttpStatus.TOO_MANY_REQUESTS,
							"too many requests; try again in " + wait + " s", wait);
					return;
				}
			}
			if ("/login".equals(path)) {
				long wait = backoff.retryAfter(request.getParameter("username"), request.getRemoteAddr());
				if (wait > 0) {
					reject(request, response, HttpStatus.TOO_MANY_REQUESTS,
							"too many failed sign-ins for this account from here; try again in " + wait + " s", wait);
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * Every body on /api but an upload (capped by the multipart limit), and anything that
	 * may be read as JSON elsewhere: only {@code application/json} was capped, and a 19
	 * MB body sent as {@code application/x-json} or {@code text/json} was parsed whole.
	 */
	private static boolean isCapped(HttpServletRequest request, String path) {
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
		if (type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
			return false;
		}
		return path.equals("/api") || path.startsWith("/api/") || type.contains("json");
	}

	private static void reject(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String message, long retryAfter) throws IOException {
		if (retryAfter > 0) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		}
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api")) {
			ApiErrorWriter.write(response, status, message);
		}
		else {
			response.setStatus(status.value());
			response.setContentType(MediaType.TEXT_PLAIN_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(message);
		}
	}

}
