package forumkb.digest;

import forumkb.system.NotFoundException;
import forumkb.account.Account;
import forumkb.account.Role;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Base64;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * A digest as it would be sent, for any week: for the viewer's own subscription (or, with
 * none yet, for everything in UTC), or for an admin for any subscription.
 */
@Service
class DigestPreview {

	/** {@code chart}: the trend chart as a data: URI, or null without trending codes. */
	record Preview(Subscription subscription, DigestContent digest, DigestMail.Rendered rendered, String chart) {
	}

	private final SubscriptionRepository subscriptions;

	private final DigestBuilder builder;

	private final DigestMail mail;

	private final Clock clock = Clock.systemUTC();

	DigestPreview(SubscriptionRepository subscriptions, DigestBuilder builder, DigestMail mail) {
		this.subscriptions = subscriptions;
		this.builder = builder;
		this.mail = mail;
	}

	/** {@code week} null or blank: last week, the one whose digest goes out this week. */
	Preview preview(Account viewer, Long subscriptionId, String week) {
		Subscription subscription = subscription(viewer, subscriptionId);
		ZoneId zone = subscription == null ? ZoneId.of("UTC") : subscription.zone();
		IsoWeek chosen = week == null || week.isBlank() ? IsoWeek.containing(clock.instant(), zone).previous()
				: IsoWeek.parse(week);
		DigestContent digest = subscription == null
				? builder.build(DigestFilters.NONE, zone, viewer.getRole() != Role.DEVELOPER, chosen)
				: builder.build(subscription, chosen);
		String chart = digest.trendingCodes().isEmpty() ? null
				: "data:image/png;base64," + Base64.getEncoder().encodeToString(TrendChart.png(digest.trendingCodes()));
		return new Preview(subscription, digest, mail.render(subscription, digest, chart), chart);
	}

	private Subscription subscription(Account viewer, Long subscriptionId) {
		if (subscriptionId == null) {
			return subscriptions.findByUser(viewer.getId()).orElse(null);
		}
		if (viewer.getRole() != Role.ADMIN) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only admins preview other subscriptions");
		}
		return subscriptions.findById(subscriptionId)
			.orElseThrow(() -> new NotFoundException("no subscription " + subscriptionId));
	}

}
