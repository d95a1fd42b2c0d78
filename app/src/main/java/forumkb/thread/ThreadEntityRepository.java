package forumkb.thread;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ThreadEntityRepository extends JpaRepository<ThreadEntity, Long> {

	List<ThreadEntity> findByThreadIdOrderByStartOffset(Long threadId);

}
