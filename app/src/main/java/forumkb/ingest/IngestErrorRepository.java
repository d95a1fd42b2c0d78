package forumkb.ingest;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IngestErrorRepository extends JpaRepository<IngestError, Long> {

	List<IngestError> findByRunIdOrderById(Long runId);

}
