package forumkb.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	Optional<ApiToken> findByTokenHashAndRevokedAtIsNull(String tokenHash);

	List<ApiToken> findByAccountIdOrderById(long accountId);

	Optional<ApiToken> findByIdAndAccountId(long id, long accountId);

	@Transactional
	@Modifying
	@Query("update ApiToken t set t.lastUsedAt = :at where t.id = :id")
	void touch(long id, Instant at);

}
