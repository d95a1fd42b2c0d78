package forumkb.digest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signed links in digest mail: confirming a subscription and unsubscribing from it work
 * without signing in, so the link itself must prove which subscription it is for. A token
 * is {@code base64url(payload).base64url(HMAC-SHA256(payload))}; the key is
 * {@code forumkb.digest.secret}, or else one generated once and kept in PostgreSQL so
 * every node and every restart verifies the links already sent.
 */
@Component
class DigestTokens {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final String ALGORITHM = "HmacSHA256";

	private final JdbcTemplate jdbc;

	private final String configured;

	private volatile SecretKeySpec key;

	DigestTokens(JdbcTemplate jdbc, @Value("${forumkb.digest.secret:}") String configured) {
		this.jdbc = jdbc;
		this.configured = configured;
	}

	/**
	 * What a confirmation link proves: this subscription, in this (re)subscription
	 * generation.
	 */
	record Confirmation(long subscriptionId, int generation) {
	}

	String confirmation(Subscription subscription) {
		return sign("confirm." + subscription.id() + "." + subscription.generation());
	}

	String unsubscribe(long subscriptionId) {
		return sign("unsubscribe." + subscriptionId);
	}

	Optional<Confirmation> readConfirmation(String token) {
		return payload(token).map(text -> text.split("\\."))
			.filter(parts -> parts.length == 3 && parts[0].equals("confirm"))
			.flatMap(parts -> number(parts[1])
				.flatMap(id -> number(parts[2]).map(generation -> new Confirmation(id, generation.intValue()))));
	}

	Optional<Long> readUnsubscribe(String token) {
		return payload(token).map(text -> text.split("\\."))
			.filter(parts -> parts.length == 2 && parts[0].equals("unsubscribe"))
			.flatMap(parts -> number(parts[1]));
	}

	private String sign(String payload) {
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
	}

	/** The payload of a token whose signature holds; empty for anything else. */
	private Optional<String> payload(String token) {
		if (token == null || token.length() > 200) {
			return Optional.empty();
		}
		String[] parts = token.strip().split("\\.");
		if (parts.length != 2) {
			return Optional.empty();
		}
		try {
			byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
			byte[] signature = Base64.getUrlDecoder().decode(parts[1]);
			return MessageDigest.isEqual(mac(payload), signature)
					? Optional.of(new String(payload, StandardCharsets.UTF_8)) : Optional.empty();
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private static Optional<Long> number(String text) {
		try {
			return Optional.of(Long.parseLong(text));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	private byte[] mac(byte[] payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key());
			return mac.doFinal(payload);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec current = key;
		if (current == null) {
			byte[] secret = configured.isBlank() ? storedSecret() : configured.getBytes(StandardCharsets.UTF_8);
			current = new SecretKeySpec(secret, ALGORITHM);
			key = current;
		}
		return current;
	}

	/**
	 * The generated key: the first node to need one stores it, every other reads that
	 * one.
	 */
	private byte[] storedSecret() {
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		jdbc.update("insert into digest_secret (id, secret) values (1, ?) on conflict (id) do nothing", fresh);
		return jdbc.queryForObject("select secret from digest_secret where id = 1", byte[].class);
	}

}
