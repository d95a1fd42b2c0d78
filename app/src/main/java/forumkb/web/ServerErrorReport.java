package forumkb.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests the server refuses before any of our code runs (an encoded NUL or slash in the
 * path, a malformed target) answer like every other error: the API's JSON body under
 * /api, a plain page elsewhere, in place of Tomcat's own HTML report.
 */
@Component
class ServerErrorReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(Valve.class.getName());
			}
		});
	}

	/** Created by Tomcat by its class name. */
	public static final class Valve extends ErrorReportValve {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		private static final Logger log = LoggerFactory.getLogger(ServerErrorReport.class);

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int code = response.getStatus();
			if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			HttpStatus resolved = HttpStatus.resolve(code);
			HttpStatus status = resolved == null ? HttpStatus.BAD_REQUEST : resolved;
			String message = status.is5xxServerError() ? ApiExceptionHandler.UNEXPECTED
					: "the request could not be read: " + status.getReasonPhrase().toLowerCase();
			String uri = request.getRequestURI();
			// Past the request-line limit the path is never read: answer as the API does.
			boolean api = uri == null || uri.isEmpty()
					|| (uri.equals("/api") || uri.startsWith("/api/") || uri.startsWith("/api?"));
			try {
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer == null) {
					return;
				}
				if (api) {
					response.setContentType("application/json");
					writer.write(
							JSON.writeValueAsString(new ApiError(status.value(), status.getReasonPhrase(), message)));
				}
				else {
					response.setContentType("text/html");
					writer.write("<!DOCTYPE html><html lang=\"en\"><head><title>" + status.value() + " "
							+ status.getReasonPhrase() + "</title></head><body><h1>" + status.value() + " "
							+ status.getReasonPhrase() + "</h1><p>" + HtmlUtils.htmlEscape(message)
							+ "</p><p><a href=\"/\">Back to the threads</a></p></body></html>");
				}
			}
			catch (IOException | IllegalStateException e) {
				log.debug("Could not write the error report (client gone or answer committed)", e);
			}
		}

	}

}
