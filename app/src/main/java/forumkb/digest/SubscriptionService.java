package forumkb.digest;

import forumkb.system.BadRequestException;
import forumkb.account.Account;
import forumkb.account.AuditLog;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/**
 * Subscribing (with a confirmation mail: double opt-in), confirming and unsubscribing.
 */
@Service
class SubscriptionService {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

	private final SubscriptionRepository subscriptions;

	private final DigestTokens tokens;

	private final DigestMail mail;

	private final AuditLog audit;

	SubscriptionService(SubscriptionRepository subscriptions, DigestTokens tokens, DigestMail mail, AuditLog audit) {
		this.subscriptions = subscriptions;
		this.tokens = tokens;
		this.mail = mail;
		this.audit = audit;
	}

	/**
	 * The saved subscription, and whether its confirmation mail went out (only a pending
	 * one needs it).
	 */
	record Saved(Subscription subscription, boolean confirmationSent) {
	}

	Optional<Subscription> of(Account account) {
		return subscriptions.findByUser(account.getId());
	}

	/**
	 * Saves the settings. A pending subscription gets a (new) confirmation mail, since
	 * sign-up does not prove the address is the account holder's; the settings are kept
	 * even when SMTP is down, and saving again sends the mail again.
	 */
	Saved save(Account account, DigestFilters filters, String timeZone, boolean skipEmpty) {
		Subscription saved = subscriptions.save(account.getId(), filters, zone(timeZone), skipEmpty);
		audit.record(account.getEmail(), "digest.subscribe", account.getEmail(), saved.status().name());
		if (saved.status() != Subscription.Status.PENDING) {
			return new Saved(saved, false);
		}
		try {
			mail.sendConfirmation(saved);
			return new Saved(saved, true);
		}
		catch (MailException e) {
			log.warn("Could not send the digest confirmation to {}: {}", saved.email(), e.getMessage());
			return new Saved(saved, false);
		}
	}

	/**
	 * The confirmation a link carries; a forged or altered link, or one for nothing, is a
	 * 400.
	 */
	DigestTokens.Confirmation checkConfirmation(String token) {
		DigestTokens.Confirmation confirmation = tokens.readConfirmation(token)
			.orElseThrow(() -> new InvalidLinkException("This confirmation link is not valid."));
		if (subscriptions.findById(confirmation.subscriptionId()).isEmpty()) {
			throw new InvalidLinkException("This confirmation link is for a subscription that no longer exists.");
		}
		return confirmation;
	}

	/**
	 * The subscription an unsubscribe link is for; a forged or altered link, or one for
	 * nothing, is a 400.
	 */
	Subscription checkUnsubscribe(String token) {
		long id = tokens.readUnsubscribe(token)
			.orElseThrow(() -> new InvalidLinkException("This unsubscribe link is not valid."));
		return subscriptions.findById(id)
			.orElseThrow(() -> new InvalidLinkException(
					"This unsubscribe link is for a subscription that no longer exists."));
	}

	/**
	 * Follows a confirmation link. Empty when the link no longer confirms anything: the
	 * subscriber unsubscribed and subscribed again since (a newer link was sent).
	 */
	Optional<Subscription> confirm(String token) {
		DigestTokens.Confirmation confirmation = checkConfirmation(token);
		boolean confirmed = subscriptions.confirm(confirmation.subscriptionId(), confirmation.generation());
		Optional<Subscription> current = subscriptions.findById(confirmation.subscriptionId())
			.filter(subscription -> subscription.status() == Subscription.Status.ACTIVE
					&& subscription.generation() == confirmation.generation());
		if (confirmed) {
			current.ifPresent(
					subscription -> audit.record(subscription.email(), "digest.confirm", subscription.email(), null));
		}
		return current;
	}

	/**
	 * Follows an unsubscribe link (or its one-click POST); unsubscribing twice is fine.
	 */
	Subscription unsubscribeByToken(String token) {
		Subscription subscription = checkUnsubscribe(token);
		unsubscribe(subscription);
		return subscription;
	}

	void unsubscribe(Subscription subscription) {
		if (subscriptions.unsubscribe(subscription.id())) {
			audit.record(subscription.email(), "digest.unsubscribe", subscription.email(), null);
		}
	}

	Optional<Subscription> find(long id) {
		return subscriptions.findById(id);
	}

	static ZoneId zone(String timeZone) {
		if (timeZone == null || timeZone.isBlank()) {
			return ZoneId.of("UTC");
		}
		try {
			return ZoneId.of(timeZone.strip());
		}
		catch (DateTimeException e) {
			throw new BadRequestException(
					"unknown time zone \"" + timeZone.strip() + "\"; use a name like Europe/Paris");
		}
	}

}
