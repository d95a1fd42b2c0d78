package forumkb.account;

import forumkb.system.ClusterJobs;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a start with no accounts, creates the first ADMIN from {@code forumkb.admin.email} and
 * {@code FORUMKB_ADMIN_PASSWORD}, or with a generated password logged once; on every start
 * says how to sign in.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountService accounts;
    private final String email;
    private final String password;
    private final boolean commandLine;
    private final ClusterJobs jobs;

    FirstAdmin(AccountService accounts, ClusterJobs jobs, @Value("${forumkb.admin.email:admin@localhost}") String email,
            @Value("${forumkb.admin.password:}") String password,
            @Value("${forumkb.command-line:false}") boolean commandLine) {
        this.accounts = accounts;
        this.jobs = jobs;
        this.email = email;
        this.password = password;
        this.commandLine = commandLine;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!commandLine) {
            // Nodes starting together on an empty database: the first creates the admin, the others find it.
            jobs.runAfterOthers(ClusterJobs.FIRST_START, this::createUnlessAnyAccount);
        }
    }

    private void createUnlessAnyAccount() {
        if (accounts.count() > 0) {
            log.info("Sign in at /login; the first admin is {} (its password was set on first start)", email);
            return;
        }
        if (!password.isBlank()) {
            accounts.create(email, password, Role.ADMIN);
            log.info("Created the admin {} with the password from FORUMKB_ADMIN_PASSWORD; sign in at /login", email);
            return;
        }
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        accounts.create(email, generated, Role.ADMIN);
        log.warn("Created the admin {} with the generated password {} (shown once; set FORUMKB_ADMIN_PASSWORD"
                + " before the first start to choose it); sign in at /login", email, generated);
    }
}
