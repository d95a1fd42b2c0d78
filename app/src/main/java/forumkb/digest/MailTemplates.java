package forumkb.digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders mail from the templates under {@code templates/digest/}: {@code *.txt} as plain
 * text, the rest as HTML. Its own engine, because the web one knows only HTML and a mail
 * is rendered outside any request. The digest's style sheet is embedded into the HTML, as
 * mail clients load no style sheets.
 */
@Component
class MailTemplates {

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final String css;

	MailTemplates() {
		engine.addTemplateResolver(resolver(TemplateMode.TEXT, "", Set.of("*.txt"), 1));
		engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", Set.of("*"), 2));
		try (InputStream in = new ClassPathResource("static/css/digest.css").getInputStream()) {
			css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	String html(String template, Map<String, Object> variables) {
		Context context = new Context();
		context.setVariables(variables);
		context.setVariable("css", css);
		return engine.process(template, context);
	}

	String text(String template, Map<String, Object> variables) {
		Context context = new Context();
		context.setVariables(variables);
		return engine.process(template + ".txt", context);
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, Set<String> patterns,
			int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(patterns);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setOrder(order);
		return resolver;
	}

}
