package forumkb.thread;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An error, code or API name found in a thread: in which post (null: the title), at which
 * characters, as written and normalised.
 */
@Entity
@Table(name = "thread_entity")
public class ThreadEntity {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "thread_id")
	private ForumThread thread;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "post_id")
	private Post post;

	private String kind;

	private String rawValue;

	private String normalizedValue;

	private int startOffset;

	private int endOffset;

	protected ThreadEntity() {
	}

	public Long getId() {
		return id;
	}

	public ForumThread getThread() {
		return thread;
	}

	public Post getPost() {
		return post;
	}

	public String getKind() {
		return kind;
	}

	public String getRawValue() {
		return rawValue;
	}

	public String getNormalizedValue() {
		return normalizedValue;
	}

	public int getStartOffset() {
		return startOffset;
	}

	public int getEndOffset() {
		return endOffset;
	}

}
