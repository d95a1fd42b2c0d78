package forumkb.thread;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A thread with its posts and entities, as the API and the thread page show it. */
public record ThreadView(Long id, String source, String externalId, String url, String title, String topic,
		String subtopic, List<String> tags, Instant createdAt, Instant lastActivityAt, Integer replies, Integer boosts,
		Integer views, boolean excerpt, ProvenanceView provenance, List<PostView> posts, List<EntityView> entities) {

	public record ProvenanceView(String origin, Integer firstLine, Integer lastLine) {

		/**
		 * Where the thread was read from, for people: a URL whole, a file by its name
		 * only (no server paths).
		 */
		public String shown() {
			if (origin == null || origin.startsWith("https://") || origin.startsWith("http://")) {
				return origin;
			}
			return origin.substring(Math.max(origin.lastIndexOf('/'), origin.lastIndexOf('\\')) + 1);
		}
	}

	public record PostView(Long id, int position, String author, Instant createdAt, String role, boolean accepted,
			String body) {

		/** The post's anchor on the thread page: {@code post-1} is the question. */
		public String anchor() {
			return "post-" + (position + 1);
		}
	}

	/** The accepted answer, if the thread has one. */
	public PostView acceptedAnswer() {
		return posts.stream().filter(PostView::accepted).findFirst().orElse(null);
	}

	/** {@code post} is the post's position in the thread, or null for the title. */
	public record EntityView(String kind, String value, String raw, Integer post) {
	}

	public static ThreadView of(ForumThread thread, List<Post> posts, List<ThreadEntity> entities) {
		Map<Long, Integer> positions = new HashMap<>();
		posts.forEach(post -> positions.put(post.getId(), post.getPosition()));
		return new ThreadView(thread.getId(), thread.getSource().getName(), thread.getExternalId(),
				thread.getCanonicalUrl(), thread.getTitle(), thread.getTopic(), thread.getSubtopic(),
				List.copyOf(thread.getTags()), thread.getCreatedAt(), thread.getLastActivityAt(), thread.getReplies(),
				thread.getBoosts(), thread.getViews(), thread.isExcerpt(),
				new ProvenanceView(thread.getProvenanceOrigin(), thread.getProvenanceFirstLine(),
						thread.getProvenanceLastLine()),
				posts.stream()
					.map(post -> new PostView(post.getId(), post.getPosition(), post.getAuthor(), post.getCreatedAt(),
							post.getRole(), post.isAccepted(), post.getBody()))
					.toList(),
				entities.stream()
					.map(entity -> new EntityView(entity.getKind(), entity.getNormalizedValue(), entity.getRawValue(),
							entity.getPost() == null ? null : positions.get(entity.getPost().getId())))
					.toList());
	}
}
