package forumkb.thread;

import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ThreadRepository extends JpaRepository<ForumThread, Long> {

    @EntityGraph(attributePaths = {"source", "tags"})
    Optional<ForumThread> findWithSourceById(Long id);

    /** All threads in id order, for export; the caller streams inside a transaction. */
    @Query("select t from ForumThread t join fetch t.source order by t.id")
    Stream<ForumThread> streamAll();
}
