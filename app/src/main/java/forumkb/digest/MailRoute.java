package forumkb.digest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Where mail goes: to the SMTP server {@code spring.mail.host} names, or, with none (the
 * embedded default, which has no mail server), into the built-in catcher that admins read
 * at {@code /admin/mail}.
 */
@Component
class MailRoute {

	private final String host;

	private final int port;

	MailRoute(@Value("${spring.mail.host:}") String host, @Value("${spring.mail.port:25}") int port) {
		this.host = host;
		this.port = port;
	}

	boolean caught() {
		return !StringUtils.hasText(host);
	}

	String smtpServer() {
		return host + ":" + port;
	}

	/** Matches when no SMTP server is configured, so the catcher stands in for one. */
	static class NoSmtpServer implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.mail.host"));
		}

	}

}
