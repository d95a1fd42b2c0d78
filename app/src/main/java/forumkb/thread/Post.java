package forumkb.thread;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** One post of a thread, in thread order ({@code position} 0 is the question). */
@Entity
public class Post {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "thread_id")
	private ForumThread thread;

	private int position;

	private String author;

	private String body;

	private Instant createdAt;

	private String role;

	private boolean accepted;

	protected Post() {
	}

	public Long getId() {
		return id;
	}

	public ForumThread getThread() {
		return thread;
	}

	public int getPosition() {
		return position;
	}

	public String getAuthor() {
		return author;
	}

	public String getBody() {
		return body;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public String getRole() {
		return role;
	}

	public boolean isAccepted() {
		return accepted;
	}

}
