package forumkb.account;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, Long> {

	Optional<Account> findByEmailIgnoreCase(String email);

	List<Account> findAllByOrderById();

}
