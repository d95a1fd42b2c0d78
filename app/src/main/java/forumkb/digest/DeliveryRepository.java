package forumkb.digest;

import forumkb.system.Sql;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Delivery rows and their state changes. Every change is one conditional statement on the
 * row, and the later ones also require the claim token the claim handed out: whoever lost
 * a claim (a stale claimer, a second node) changes nothing and sends nothing.
 */
@Repository
class DeliveryRepository {

	/** A delivery this run owns; {@code attempts} counts the sends tried before. */
	record Claim(long id, UUID token, int attempts) {
	}

	record Delivery(long id, long subscriptionId, String email, String week, String status, int attempts,
			Instant claimedAt, Instant nextAttemptAt, String lastError, Instant sentAt) {
	}

	record Key(long subscriptionId, String week) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	DeliveryRepository(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the subscription's delivery for the week: a new row, a failed one whose
	 * retry is due ({@code force}: at once), or a claim left PENDING since before
	 * {@code staleBefore} (its process died before handing anything to SMTP). Never one
	 * that is SENDING, SENT or SKIPPED. Atomic: of two claimers at once, one gets the
	 * row.
	 */
	Optional<Claim> claim(long subscriptionId, IsoWeek week, boolean force, Instant now, Instant staleBefore) {
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("subscription", subscriptionId)
			.addValue("week", week.toString())
			.addValue("token", UUID.randomUUID())
			.addValue("now", Timestamp.from(now))
			.addValue("force", force)
			.addValue("staleBefore", Timestamp.from(staleBefore));
		return jdbc
			.query("""
					insert into digest_delivery as d (subscription_id, iso_week, status, claim_token, claimed_at)
					values (:subscription, :week, 'PENDING', :token, :now)
					on conflict (subscription_id, iso_week) do update
					    set status = 'PENDING', claim_token = excluded.claim_token, claimed_at = excluded.claimed_at
					    where (d.status = 'FAILED' and (:force or d.next_attempt_at <= :now))
					       or (d.status = 'PENDING' and d.claimed_at < :staleBefore)
					returning id, claim_token, attempts
					""", parameters,
					(row, n) -> new Claim(row.getLong("id"), row.getObject("claim_token", UUID.class),
							row.getInt("attempts")))
			.stream()
			.findFirst();
	}

	/**
	 * The last step before SMTP: from here on a crash leaves the row SENDING, and it is
	 * not sent again.
	 */
	boolean markSending(Claim claim) {
		return update("update digest_delivery set status = 'SENDING', attempts = attempts + 1 "
				+ "where id = :id and claim_token = :token and status = 'PENDING'", claim, null, null);
	}

	boolean markSent(Claim claim, Instant now) {
		return update(
				"update digest_delivery set status = 'SENT', sent_at = :at, last_error = null, "
						+ "next_attempt_at = null where id = :id and claim_token = :token and status = 'SENDING'",
				claim, now, null);
	}

	boolean markSkipped(Claim claim, Instant now) {
		return update("update digest_delivery set status = 'SKIPPED', sent_at = :at "
				+ "where id = :id and claim_token = :token and status = 'PENDING'", claim, now, null);
	}

	/** A failure; {@code nextAttempt} null means no more automatic retries. */
	boolean markFailed(Claim claim, String error, Instant nextAttempt) {
		return update(
				"update digest_delivery set status = 'FAILED', last_error = :error, next_attempt_at = :at "
						+ "where id = :id and claim_token = :token and status in ('PENDING', 'SENDING')",
				claim, nextAttempt, error.length() > 1000 ? error.substring(0, 1000) : error);
	}

	/**
	 * An admin's decision to send again a delivery interrupted while it was being handed
	 * to SMTP (it may or may not have arrived), once that is longer ago than a send can
	 * take.
	 */
	boolean resend(long id, Instant now, Instant staleBefore) {
		return jdbc.update("""
				update digest_delivery set status = 'FAILED', next_attempt_at = :now,
				       last_error = 'interrupted while sending; sent again on an admin''s request'
				where id = :id and status = 'SENDING' and claimed_at < :staleBefore
				""", new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(now))
			.addValue("staleBefore", Timestamp.from(staleBefore))) == 1;
	}

	/** Failed deliveries of active subscriptions whose retry is due. */
	List<Key> dueRetries(Instant now) {
		return jdbc.query("""
				select d.subscription_id, d.iso_week from digest_delivery d
				join digest_subscription s on s.id = d.subscription_id
				where d.status = 'FAILED' and d.next_attempt_at <= :now and s.status = 'ACTIVE'
				order by d.next_attempt_at
				""", new MapSqlParameterSource("now", Timestamp.from(now)),
				(row, n) -> new Key(row.getLong("subscription_id"), row.getString("iso_week")));
	}

	/**
	 * Deliveries of these weeks that are settled or under way: all but claims gone stale,
	 * which are taken over.
	 */
	Set<Key> existing(Set<String> weeks, Instant staleBefore) {
		return new HashSet<>(jdbc.query("select subscription_id, iso_week from digest_delivery "
				+ "where iso_week = any(cast(:weeks as text[])) and not (status = 'PENDING' and claimed_at < :staleBefore)",
				new MapSqlParameterSource("weeks", weeks.toArray(String[]::new)).addValue("staleBefore",
						Timestamp.from(staleBefore)),
				(row, n) -> new Key(row.getLong("subscription_id"), row.getString("iso_week"))));
	}

	/** Open problems first (interrupted, failed, in progress), then the latest sends. */
	List<Delivery> recent(int limit) {
		return jdbc.query("""
				select d.*, u.email from digest_delivery d
				join digest_subscription s on s.id = d.subscription_id join app_user u on u.id = s.user_id
				order by case d.status when 'SENDING' then 0 when 'FAILED' then 1 when 'PENDING' then 2 else 3 end,
				         d.id desc
				limit :limit
				""", new MapSqlParameterSource("limit", limit),
				(row, n) -> new Delivery(row.getLong("id"), row.getLong("subscription_id"), row.getString("email"),
						row.getString("iso_week"), row.getString("status"), row.getInt("attempts"),
						Sql.instant(row, "claimed_at"), Sql.instant(row, "next_attempt_at"),
						row.getString("last_error"), Sql.instant(row, "sent_at")));
	}

	private boolean update(String sql, Claim claim, Instant at, String error) {
		return jdbc.update(sql,
				new MapSqlParameterSource("id", claim.id()).addValue("token", claim.token())
					.addValue("at", at == null ? null : Timestamp.from(at), Types.TIMESTAMP)
					.addValue("error", error, Types.VARCHAR)) == 1;
	}

}
