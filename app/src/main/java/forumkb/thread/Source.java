package forumkb.thread;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * Where threads come from: a forum ("apple-developer-forums", "github", a Discourse
 * host…).
 */
@Entity
public class Source {

	@Id
	private Long id;

	private String name;

	private Instant createdAt;

	protected Source() {
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

}
