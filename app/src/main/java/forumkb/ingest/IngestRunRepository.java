package forumkb.ingest;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IngestRunRepository extends JpaRepository<IngestRun, Long> {

	List<IngestRun> findTop20ByOrderByIdDesc();

}
