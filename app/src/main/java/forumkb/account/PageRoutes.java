package forumkb.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Whether a path is one of the application's pages, asked before sign-in is demanded: an
 * unknown address is a 404 for everyone (a sign-in page for it would promise a page that
 * is not there).
 */
final class PageRoutes {

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	PageRoutes(ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	boolean exists(HttpServletRequest request) {
		RequestMappingHandlerMapping mapping = mappings.getIfAvailable();
		if (mapping == null) {
			return true;
		}
		boolean parsedBefore = ServletRequestPathUtils.hasParsedRequestPath(request);
		if (!parsedBefore) {
			ServletRequestPathUtils.parseAndCache(request);
		}
		try {
			return mapping.getHandler(request) != null;
		}
		catch (Exception pathMatchedOtherwiseRefused) {
			// A wrong method or media type for a mapped path: the page exists.
			return true;
		}
		finally {
			if (!parsedBefore) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
	}

}
