package forumkb.digest;

import forumkb.digest.DeliveryRepository.Key;
import forumkb.digest.DigestSender.Outcome;
import forumkb.system.ClusterJobs;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Digest runs: the scheduled one sends what is due and retries what failed; an admin's
 * sends a week's digest to every active subscriber now. Both are one cluster job, so one
 * node runs at a time (which saves double work), and both go through the delivery claims,
 * so neither sends a digest that another run already sent.
 */
@Service
class DigestRunner {

	private static final String JOB = "digest";

	/** What a run did; {@code ran} false when another node was running the digest. */
	record RunResult(boolean ran, Map<Outcome, Integer> outcomes) {
		int count(Outcome outcome) {
			return outcomes.getOrDefault(outcome, 0);
		}
	}

	private final SubscriptionRepository subscriptions;

	private final DeliveryRepository deliveries;

	private final DigestSender sender;

	private final SendSchedule schedule;

	private final ClusterJobs jobs;

	DigestRunner(SubscriptionRepository subscriptions, DeliveryRepository deliveries, DigestSender sender,
			SendSchedule schedule, ClusterJobs jobs) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.sender = sender;
		this.schedule = schedule;
		this.jobs = jobs;
	}

	/**
	 * Retries whose time has come, then every subscriber whose send time for last week
	 * has passed.
	 */
	RunResult runDue(Instant now) {
		return result(jobs.runOnce(JOB, () -> {
			Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
			Map<Long, Subscription> active = new HashMap<>();
			subscriptions.active().forEach(subscription -> active.put(subscription.id(), subscription));
			for (Key retry : deliveries.dueRetries(now)) {
				Subscription subscription = active.get(retry.subscriptionId());
				if (subscription != null) {
					count(outcomes, sender.deliver(subscription, IsoWeek.parse(retry.week()), false, now));
				}
			}
			Map<Subscription, IsoWeek> due = new HashMap<>();
			active.values()
				.forEach(subscription -> schedule.dueWeek(subscription, now)
					.ifPresent(week -> due.put(subscription, week)));
			Set<String> weeks = new HashSet<>();
			due.values().forEach(week -> weeks.add(week.toString()));
			Set<Key> existing = deliveries.existing(weeks, now.minus(sender.claimTimeout()));
			due.forEach((subscription, week) -> {
				if (!existing.contains(new Key(subscription.id(), week.toString()))) {
					count(outcomes, sender.deliver(subscription, week, false, now));
				}
			});
			return outcomes;
		}));
	}

	/**
	 * The week's digest to every active subscriber who has not had it; failed ones are
	 * tried again at once.
	 */
	RunResult sendNow(IsoWeek week, Instant now) {
		return result(jobs.runOnce(JOB, () -> {
			Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
			List<Subscription> active = subscriptions.active();
			active.forEach(subscription -> count(outcomes, sender.deliver(subscription, week, true, now)));
			return outcomes;
		}));
	}

	private static void count(Map<Outcome, Integer> outcomes, Outcome outcome) {
		outcomes.merge(outcome, 1, Integer::sum);
	}

	private static RunResult result(Optional<Map<Outcome, Integer>> outcomes) {
		return outcomes.map(done -> new RunResult(true, done)).orElseGet(() -> new RunResult(false, Map.of()));
	}

}
