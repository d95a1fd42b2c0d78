package forumkb.thread;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ThreadRepository extends JpaRepository<ForumThread, Long> {

	@EntityGraph(attributePaths = { "source", "tags" })
	Optional<ForumThread> findWithSourceById(Long id);

	/** Of these threads, those with an accepted answer. */
	@Query("select distinct p.thread.id from Post p where p.accepted = true and p.thread.id in :ids")
	Set<Long> answeredAmong(Collection<Long> ids);

	/** Of these threads, those that exist. */
	@Query("select t.id from ForumThread t where t.id in :ids")
	Set<Long> existingAmong(Collection<Long> ids);

	@Query("select new forumkb.thread.ThreadHeading(t.id, t.title, t.canonicalUrl, t.createdAt) "
			+ "from ForumThread t where t.id in :ids")
	List<ThreadHeading> headings(Collection<Long> ids);

	@Query("select t.id from ForumThread t where t.externalId = :externalId order by t.id")
	List<Long> idsByExternalId(String externalId);

	/** Threads without an accepted answer, in the pageable's order. */
	@Query(value = "select t from ForumThread t where not exists "
			+ "(select p from Post p where p.thread = t and p.accepted = true)",
			countQuery = "select count(t) from ForumThread t where not exists "
					+ "(select p from Post p where p.thread = t and p.accepted = true)")
	Page<ForumThread> findUnanswered(Pageable pageable);

}
