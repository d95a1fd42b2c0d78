package forumkb.thread;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
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

	/** Threads without an accepted answer, in the pageable's order. */
	@Query(value = "select t from ForumThread t where not exists "
			+ "(select p from Post p where p.thread = t and p.accepted = true)",
			countQuery = "select count(t) from ForumThread t where not exists "
					+ "(select p from Post p where p.thread = t and p.accepted = true)")
	Page<ForumThread> findUnanswered(Pageable pageable);

	/** All threads in id order, for export; the caller streams inside a transaction. */
	@Query("select t from ForumThread t join fetch t.source order by t.id")
	Stream<ForumThread> streamAll();

}
