package forumkb.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses parameters no handler could use, before anything reads them: more than the
 * server's limit (Tomcat's maxParameterCount, 1,000), bad percent-encoding ({@code %zz},
 * {@code %ff} that is not UTF-8), and NUL characters, which PostgreSQL cannot store in
 * text; and a Content-Type that names no single type ({@code *}{@code /*}, {@code ;;;})
 * is unsupported (415). Unchecked, the first read of a parameter threw deep inside some
 * filter: a 500. Runs right after the character encoding is set, so the parameters decode
 * as UTF-8.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestGuard extends OncePerRequestFilter {

	static final String NUL_REFUSED = "text must not contain NUL characters (\\u0000)";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String problem = problem(request);
		if (problem != null) {
			response.sendError(problem.startsWith("Content-Type") ? HttpStatus.UNSUPPORTED_MEDIA_TYPE.value()
					: HttpStatus.BAD_REQUEST.value(), problem);
			return;
		}
		chain.doFilter(request, response);
	}

	private static String problem(HttpServletRequest request) {
		String type = request.getContentType();
		if (type != null) {
			try {
				if (MediaType.parseMediaType(type).isWildcardType()
						|| MediaType.parseMediaType(type).isWildcardSubtype()) {
					return "Content-Type must name one type, not \"" + type + "\"";
				}
			}
			catch (InvalidMediaTypeException e) {
				return "Content-Type is malformed: \"" + type + "\"";
			}
		}
		// A multipart body is parsed (and capped) by the upload handling; its fields are
		// not read here.
		if (type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
			return null;
		}
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (InvalidParameterException e) {
			return e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
					? "the form is larger than the server accepts"
					: "the parameters are malformed: too many (the limit is 1,000) or wrongly percent-encoded";
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (parameter.getKey().indexOf('\0') >= 0) {
				return NUL_REFUSED;
			}
			for (String value : parameter.getValue()) {
				if (value.indexOf('\0') >= 0) {
					return NUL_REFUSED;
				}
			}
		}
		return null;
	}

}
