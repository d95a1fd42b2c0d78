package forumkb.digest;

import forumkb.digest.DeliveryRepository.Claim;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Delivers one subscriber's digest for one week, at most once: claim the delivery row
 * (committed), build and compose the mail, mark it SENDING, hand it to SMTP, mark it
 * SENT.
 *
 * <p>
 * A crash before SENDING leaves a PENDING claim that a later run takes over once it is
 * older than {@code forumkb.digest.claim-timeout}: nothing had reached SMTP. A crash
 * between SENDING and SENT (the SMTP conversation and one UPDATE) cannot tell whether the
 * server accepted the mail, and we choose at-most-once there: the row stays SENDING, is
 * never sent again by itself, and the admin page shows it so a person can decide to send
 * it again. An SMTP failure (refused, unreachable) is a FAILED row retried with doubling
 * back-off.
 */
@Component
class DigestSender {

	enum Outcome {

		SENT, SKIPPED, FAILED, NOT_CLAIMED

	}

	private static final Logger log = LoggerFactory.getLogger(DigestSender.class);

	private final DeliveryRepository deliveries;

	private final DigestBuilder builder;

	private final DigestMail mail;

	private final Duration claimTimeout;

	private final Duration backoff;

	private final Duration maxBackoff;

	private final int maxAttempts;

	DigestSender(DeliveryRepository deliveries, DigestBuilder builder, DigestMail mail,
			@Value("${forumkb.digest.claim-timeout:PT10M}") Duration claimTimeout,
			@Value("${forumkb.digest.retry-backoff:PT5M}") Duration backoff,
			@Value("${forumkb.digest.retry-max-backoff:PT6H}") Duration maxBackoff,
			@Value("${forumkb.digest.max-attempts:10}") int maxAttempts) {
		this.deliveries = deliveries;
		this.builder = builder;
		this.mail = mail;
		this.claimTimeout = claimTimeout;
		this.backoff = backoff;
		this.maxBackoff = maxBackoff;
		this.maxAttempts = maxAttempts;
	}

	Duration claimTimeout() {
		return claimTimeout;
	}

	/** {@code force}: a failed delivery is tried at once, not at its next retry time. */
	Outcome deliver(Subscription subscription, IsoWeek week, boolean force, Instant now) {
		Claim claim = deliveries.claim(subscription.id(), week, force, now, now.minus(claimTimeout)).orElse(null);
		if (claim == null) {
			return Outcome.NOT_CLAIMED;
		}
		MimeMessage message;
		try {
			DigestContent digest = builder.build(subscription, week);
			if (digest.isEmpty() && subscription.skipEmpty()) {
				deliveries.markSkipped(claim, now);
				return Outcome.SKIPPED;
			}
			message = mail.digest(subscription, digest);
		}
		catch (RuntimeException e) {
			log.error("Could not build the {} digest for subscription {}", week, subscription.id(), e);
			return fail(claim, claim.attempts(), e, now);
		}
		if (!deliveries.markSending(claim)) {
			return Outcome.NOT_CLAIMED;
		}
		try {
			mail.send(message);
		}
		catch (MailException e) {
			log.warn("SMTP did not take the {} digest for subscription {}: {}", week, subscription.id(),
					e.getMessage());
			return fail(claim, claim.attempts() + 1, e, now);
		}
		deliveries.markSent(claim, now);
		return Outcome.SENT;
	}

	private Outcome fail(Claim claim, int attempts, RuntimeException e, Instant now) {
		deliveries.markFailed(claim, e.getClass().getSimpleName() + ": " + e.getMessage(), nextAttempt(attempts, now));
		return Outcome.FAILED;
	}

	/**
	 * 5 min, 10, 20 … up to 6 h after the n-th failed send; none after the last attempt.
	 */
	Instant nextAttempt(int attempts, Instant now) {
		if (attempts >= maxAttempts) {
			return null;
		}
		long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
		Duration delay = backoff.multipliedBy(factor);
		return now.plus(delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay);
	}

}
