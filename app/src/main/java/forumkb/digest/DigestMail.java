package forumkb.digest;

import forumkb.report.Report;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Composes the mails a subscriber gets: the digest (plain text and HTML, the trend chart
 * as an inline {@code cid:} part, one-click unsubscribe headers after RFC 8058), the
 * confirmation of a new subscription, the news of a decision on a report, and of a report
 * assigned to someone.
 */
@Component
class DigestMail {

	static final String CHART_ID = "trend-chart";

	private final JavaMailSender sender;

	private final MailTemplates templates;

	private final DigestTokens tokens;

	private final String from;

	private final String baseUrl;

	DigestMail(JavaMailSender sender, MailTemplates templates, DigestTokens tokens, DigestBuilder builder,
			@Value("${forumkb.digest.from:forumkb@localhost}") String from) {
		this.sender = sender;
		this.templates = templates;
		this.tokens = tokens;
		this.from = from;
		this.baseUrl = builder.baseUrl();
	}

	static String subject(DigestContent digest) {
		String prefix = digest.hasRegression() ? "Regression alert · " : "";
		return prefix + "forumkb digest " + digest.week()
				+ (digest.isEmpty() ? ": nothing new" : ": " + digest.newThreadCount() + " new threads");
	}

	String unsubscribeUrl(long subscriptionId) {
		return baseUrl + "/digest/unsubscribe?token=" + tokens.unsubscribe(subscriptionId);
	}

	/**
	 * The digest's text and HTML; the HTML shows the chart from {@code chart} (a cid: or
	 * data: URI).
	 */
	record Rendered(String subject, String text, String html) {
	}

	/**
	 * Renders the digest; without a subscription (a preview) the unsubscribe link leads
	 * to the settings.
	 */
	Rendered render(Subscription subscription, DigestContent digest, String chart) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("digest", digest);
		variables.put("subject", subject(digest));
		variables.put("chart", digest.trendingCodes().isEmpty() ? null : chart);
		variables.put("preferencesUrl", baseUrl + "/account/digest");
		variables.put("unsubscribeUrl",
				subscription == null ? baseUrl + "/account/digest" : unsubscribeUrl(subscription.id()));
		return new Rendered(subject(digest), templates.text("digest/email", variables),
				templates.html("digest/email", variables));
	}

	MimeMessage digest(Subscription subscription, DigestContent digest) {
		Rendered rendered = render(subscription, digest, "cid:" + CHART_ID);
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
					"UTF-8");
			helper.setFrom(from);
			helper.setTo(subscription.email());
			helper.setSubject(rendered.subject());
			helper.setText(rendered.text(), rendered.html());
			if (!digest.trendingCodes().isEmpty()) {
				helper.addInline(CHART_ID, new ByteArrayResource(TrendChart.png(digest.trendingCodes())), "image/png");
			}
			message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl(subscription.id()) + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			return message;
		}
		catch (MessagingException e) {
			throw new IllegalStateException("could not compose the digest for " + subscription.email(), e);
		}
	}

	/** Double opt-in: the subscription only starts once this mail's link is followed. */
	void sendConfirmation(Subscription subscription) {
		sendText(subscription.email(), "Confirm your forumkb weekly digest", "digest/confirm-email",
				Map.of("email", subscription.email(), "confirmUrl",
						baseUrl + "/digest/confirm?token=" + tokens.confirmation(subscription)));
	}

	/** Tells a reporter what an engineer decided about their report. */
	void sendReportDecision(Report report) {
		sendText(report.submitterEmail(), report.outcome(), "digest/report-email", reportVariables(report, Map.of()));
	}

	/** Tells an engineer that someone gave them a report to work. */
	void sendReportAssigned(Report report, String assignedBy) {
		sendText(report.assignee(), "Report #" + report.id() + " assigned to you: " + report.title(),
				"digest/report-assigned-email", reportVariables(report, Map.of("assignedBy", assignedBy)));
	}

	/** A report mail links the report, and says where such mail is turned off. */
	private Map<String, Object> reportVariables(Report report, Map<String, Object> more) {
		Map<String, Object> variables = new HashMap<>(more);
		variables.put("report", report);
		variables.put("reportUrl", baseUrl + "/reports/" + report.id());
		variables.put("mineUrl", baseUrl + "/reports/mine");
		variables.put("settingsUrl", baseUrl + "/account/digest#report-mail");
		return variables;
	}

	private void sendText(String to, String subject, String template, Map<String, Object> variables) {
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(from);
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(templates.text(template, variables));
			sender.send(message);
		}
		catch (MessagingException e) {
			throw new IllegalStateException("could not compose \"" + subject + "\" for " + to, e);
		}
	}

	void send(MimeMessage message) {
		sender.send(message);
	}

}
