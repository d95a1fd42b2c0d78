package forumkb.digest;

import forumkb.account.Role;
import forumkb.system.Sql;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Digest subscriptions in PostgreSQL, read together with their account's email and role.
 */
@Repository
class SubscriptionRepository {

	private static final String SELECT = """
			select s.*, u.email, u.role from digest_subscription s join app_user u on u.id = s.user_id
			""";

	private final JdbcTemplate jdbc;

	SubscriptionRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Subscription> findByUser(long userId) {
		return jdbc.query(SELECT + " where s.user_id = ?", SubscriptionRepository::map, userId).stream().findFirst();
	}

	Optional<Subscription> findById(long id) {
		return jdbc.query(SELECT + " where s.id = ?", SubscriptionRepository::map, id).stream().findFirst();
	}

	List<Subscription> active() {
		return jdbc.query(SELECT + " where s.status = 'ACTIVE' and u.enabled order by s.id",
				SubscriptionRepository::map);
	}

	List<Subscription> all() {
		return jdbc.query(SELECT + " order by s.id", SubscriptionRepository::map);
	}

	/**
	 * Stores new settings. Subscribing anew (first time, or after unsubscribing) starts a
	 * fresh PENDING generation that needs confirming; an active subscription stays
	 * active.
	 */
	Subscription save(long userId, DigestFilters filters, ZoneId zone, boolean skipEmpty) {
		jdbc.update(connection -> {
			PreparedStatement statement = connection.prepareStatement("""
					insert into digest_subscription (user_id, tags, frameworks, apis, error_codes, known_issue_ids,
					                                 time_zone, skip_empty, status)
					values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')
					on conflict (user_id) do update set tags = excluded.tags, frameworks = excluded.frameworks,
					    apis = excluded.apis, error_codes = excluded.error_codes,
					    known_issue_ids = excluded.known_issue_ids, time_zone = excluded.time_zone,
					    skip_empty = excluded.skip_empty,
					    status = case when digest_subscription.status = 'UNSUBSCRIBED' then 'PENDING'
					                  else digest_subscription.status end,
					    generation = digest_subscription.generation
					                 + case when digest_subscription.status = 'UNSUBSCRIBED' then 1 else 0 end
					""");
			statement.setLong(1, userId);
			statement.setArray(2, connection.createArrayOf("text", filters.tags().toArray()));
			statement.setArray(3, connection.createArrayOf("text", filters.frameworks().toArray()));
			statement.setArray(4, connection.createArrayOf("text", filters.apis().toArray()));
			statement.setArray(5, connection.createArrayOf("text", filters.errorCodes().toArray()));
			statement.setArray(6, connection.createArrayOf("bigint", filters.knownIssueIds().toArray()));
			statement.setString(7, zone.getId());
			statement.setBoolean(8, skipEmpty);
			return statement;
		});
		return findByUser(userId).orElseThrow();
	}

	/**
	 * Activates the subscription if the link is of its current generation and still
	 * pending.
	 */
	boolean confirm(long id, int generation) {
		return jdbc.update("update digest_subscription set status = 'ACTIVE', confirmed_at = now() "
				+ "where id = ? and generation = ? and status = 'PENDING'", id, generation) == 1;
	}

	boolean unsubscribe(long id) {
		return jdbc.update("update digest_subscription set status = 'UNSUBSCRIBED', unsubscribed_at = now() "
				+ "where id = ? and status <> 'UNSUBSCRIBED'", id) == 1;
	}

	private static Subscription map(ResultSet row, int number) throws SQLException {
		DigestFilters filters = new DigestFilters(strings(row.getArray("tags")), strings(row.getArray("frameworks")),
				strings(row.getArray("apis")), strings(row.getArray("error_codes")),
				Arrays.stream((Long[]) row.getArray("known_issue_ids").getArray()).toList());
		return new Subscription(row.getLong("id"), row.getLong("user_id"), row.getString("email"),
				Role.valueOf(row.getString("role")), filters, ZoneId.of(row.getString("time_zone")),
				row.getBoolean("skip_empty"), Subscription.Status.valueOf(row.getString("status")),
				row.getInt("generation"), Sql.instant(row, "confirmed_at"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return List.of((String[]) array.getArray());
	}

}
