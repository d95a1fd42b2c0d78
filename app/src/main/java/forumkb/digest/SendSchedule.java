package forumkb.digest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * When a digest is due. The digest of ISO week W goes out at the first time the cron
 * ({@code forumkb.digest.cron}, default Monday 08:00) names in week W+1, read in the
 * subscriber's time zone: Monday 08:00 in Tokyo comes before Monday 08:00 in Paris. A
 * node that was down then sends it when it is back, up to the end of week W+1; a
 * subscription confirmed after that send time starts with the next week.
 */
@Component
class SendSchedule {

	private final CronExpression cron;

	SendSchedule(@Value("${forumkb.digest.cron:0 0 8 * * MON}") String cron) {
		this.cron = CronExpression.parse(cron);
	}

	/** The week whose digest is due for the subscriber at {@code now}, if any. */
	Optional<IsoWeek> dueWeek(Subscription subscription, Instant now) {
		IsoWeek week = IsoWeek.containing(now, subscription.zone()).previous();
		Instant due = sendTime(week, subscription.zone());
		if (due == null || due.isAfter(now) || subscription.confirmedAt() == null
				|| !subscription.confirmedAt().isBefore(due)) {
			return Optional.empty();
		}
		return Optional.of(week);
	}

	/**
	 * The first cron time on or after the Monday that ends the week, or null if the cron
	 * never fires.
	 */
	Instant sendTime(IsoWeek week, ZoneId zone) {
		ZonedDateTime weekEnd = week.end(zone).atZone(zone);
		ZonedDateTime next = cron.next(weekEnd.minusSeconds(1));
		return next == null ? null : next.toInstant();
	}

}
