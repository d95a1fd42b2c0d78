package forumkb.account;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who signs in: an email, a BCrypt password hash and one role. */
@Entity
@Table(name = "app_user")
public class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String email;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	private Instant createdAt = Instant.now();

	private boolean enabled = true;

	private boolean reportMail = true;

	protected Account() {
	}

	Account(String email, String passwordHash, Role role) {
		this.email = email;
		this.passwordHash = passwordHash;
		this.role = role;
	}

	void changeRole(Role newRole) {
		role = newRole;
	}

	void changeReportMail(boolean wanted) {
		reportMail = wanted;
	}

	public Long getId() {
		return id;
	}

	public String getEmail() {
		return email;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	public Role getRole() {
		return role;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public boolean isEnabled() {
		return enabled;
	}

	/**
	 * Mail about reports: decisions on the ones they submitted, and reports assigned to
	 * them.
	 */
	public boolean wantsReportMail() {
		return reportMail;
	}

}
