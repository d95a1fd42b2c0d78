package forumkb.thread;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A stored forum thread. Rows are written by the ingest pipeline (batched JDBC); JPA is
 * the read side, so the mapping is read-only in practice.
 */
@Entity
@Table(name = "thread")
public class ForumThread {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "source_id")
	private Source source;

	private String externalId;

	private String canonicalUrl;

	private String threadKey;

	private String contentHash;

	private String title;

	private String topic;

	private String subtopic;

	private Instant createdAt;

	private Instant lastActivityAt;

	private Integer replies;

	private Integer boosts;

	private Integer views;

	private boolean excerpt;

	private String provenanceOrigin;

	private Integer provenanceFirstLine;

	private Integer provenanceLastLine;

	private Instant ingestedAt;

	private Instant updatedAt;

	private long changeSeq;

	@ElementCollection
	@CollectionTable(name = "thread_tag", joinColumns = @JoinColumn(name = "thread_id"))
	@Column(name = "tag")
	@OrderBy
	private Set<String> tags = new LinkedHashSet<>();

	@OneToMany(mappedBy = "thread")
	@OrderBy("position")
	private List<Post> posts = new ArrayList<>();

	@OneToMany(mappedBy = "thread")
	@OrderBy("startOffset")
	private List<ThreadEntity> entities = new ArrayList<>();

	protected ForumThread() {
	}

	public Long getId() {
		return id;
	}

	public Source getSource() {
		return source;
	}

	public String getExternalId() {
		return externalId;
	}

	public String getCanonicalUrl() {
		return canonicalUrl;
	}

	public String getThreadKey() {
		return threadKey;
	}

	public String getContentHash() {
		return contentHash;
	}

	public String getTitle() {
		return title;
	}

	public String getTopic() {
		return topic;
	}

	public String getSubtopic() {
		return subtopic;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getLastActivityAt() {
		return lastActivityAt;
	}

	public Integer getReplies() {
		return replies;
	}

	public Integer getBoosts() {
		return boosts;
	}

	public Integer getViews() {
		return views;
	}

	public boolean isExcerpt() {
		return excerpt;
	}

	public String getProvenanceOrigin() {
		return provenanceOrigin;
	}

	public Integer getProvenanceFirstLine() {
		return provenanceFirstLine;
	}

	public Integer getProvenanceLastLine() {
		return provenanceLastLine;
	}

	public Instant getIngestedAt() {
		return ingestedAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public long getChangeSeq() {
		return changeSeq;
	}

	public Set<String> getTags() {
		return tags;
	}

	public List<Post> getPosts() {
		return posts;
	}

	public List<ThreadEntity> getEntities() {
		return entities;
	}

}
