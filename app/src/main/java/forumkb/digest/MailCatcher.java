package forumkb.digest;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailParseException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Repository;

/**
 * The built-in mail catcher: with no SMTP server configured, the mail sender keeps each
 * mail in {@code caught_mail} instead of sending it, so a first start's digest
 * confirmations and report notices can be read at {@code /admin/mail}. Spring Boot's own
 * SMTP sender steps back while this one exists.
 */
@Configuration(proxyBeanMethods = false)
class MailCatcher {

	@Bean
	@Conditional(MailRoute.NoSmtpServer.class)
	JavaMailSender catchingMailSender(CaughtMail caught) {
		return new JavaMailSenderImpl() {
			@Override
			protected void doSend(MimeMessage[] messages, Object[] originals) {
				for (MimeMessage message : messages) {
					caught.keep(message);
				}
			}
		};
	}

	/** A mail as the catcher kept it. */
	record Caught(long id, Instant caughtAt, String sender, String recipients, String subject, String body) {
	}

	/** The caught mails, the newest {@value #KEPT} of them. */
	@Repository
	static class CaughtMail {

		static final int KEPT = 1_000;

		private final JdbcTemplate jdbc;

		CaughtMail(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		void keep(MimeMessage message) {
			try {
				jdbc.update("insert into caught_mail (sender, recipients, subject, body) values (?, ?, ?, ?)",
						addresses(message.getFrom()), addresses(message.getAllRecipients()),
						message.getSubject() == null ? "" : message.getSubject(), text(message));
			}
			catch (MessagingException | IOException e) {
				throw new MailParseException("could not read the mail to keep it", e);
			}
			jdbc.update("delete from caught_mail where id <= (select max(id) from caught_mail) - ?", KEPT);
		}

		List<Caught> recent(int limit) {
			return jdbc.query(
					"select id, caught_at, sender, recipients, subject, body from caught_mail order by id desc limit ?",
					(row, n) -> new Caught(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3),
							row.getString(4), row.getString(5), row.getString(6)),
					limit);
		}

		private static String addresses(Address[] addresses) {
			return addresses == null ? ""
					: Arrays.stream(addresses)
						.map(a -> a instanceof InternetAddress internet ? internet.toUnicodeString() : a.toString())
						.collect(Collectors.joining(", "));
		}

		/** The mail's plain text, or its HTML where it has no plain part. */
		private static String text(Part message) throws MessagingException, IOException {
			String plain = firstOfType(message, "text/plain");
			return plain != null ? plain : Objects.requireNonNullElse(firstOfType(message, "text/html"), "");
		}

		private static String firstOfType(Part part, String type) throws MessagingException, IOException {
			if (part.isMimeType(type)) {
				return part.getContent().toString();
			}
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					String found = firstOfType(multipart.getBodyPart(i), type);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}

	}

}
