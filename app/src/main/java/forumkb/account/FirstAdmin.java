package forumkb.account;

import forumkb.system.ClusterJobs;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On a start with no accounts, creates the first ADMIN from {@code forumkb.admin.email}
 * and {@code FORUMKB_ADMIN_PASSWORD}, or with a generated password logged once, in one
 * banner with the URL to open; on every start says where the portal runs. Not in
 * command-line runs.
 */
@Component
@Profile("!cli")
@Order(0)
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final AccountService accounts;

	private final String email;

	private final String password;

	private final ClusterJobs jobs;

	private final Environment environment;

	FirstAdmin(AccountService accounts, ClusterJobs jobs, Environment environment,
			@Value("${forumkb.admin.email:admin@localhost}") String email,
			@Value("${forumkb.admin.password:}") String password) {
		this.accounts = accounts;
		this.jobs = jobs;
		this.environment = environment;
		this.email = email;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Nodes starting together on an empty database: the first creates the admin, the
		// others find it.
		jobs.runAfterOthers(ClusterJobs.FIRST_START, this::createUnlessAnyAccount);
	}

	private void createUnlessAnyAccount() {
		String url = "http://localhost:" + environment.getProperty("local.server.port", "8080") + "/";
		if (accounts.count() > 0) {
			log.info("forumkb is running at {} (sign in at {}login)", url, url);
			return;
		}
		if (!password.isBlank()) {
			accounts.create(email, password, Role.ADMIN);
			log.info(banner(url, email, "the one in FORUMKB_ADMIN_PASSWORD"));
			return;
		}
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		accounts.create(email, generated, Role.ADMIN);
		log.info(banner(url, email, generated + "  (generated, shown only this once;"
				+ " set FORUMKB_ADMIN_PASSWORD before the first start to choose it)"));
	}

	/**
	 * The one block a first start prints: where to go and how the first admin signs in.
	 */
	static String banner(String url, String email, String password) {
		String rule = "=".repeat(72);
		return String.join(System.lineSeparator(), "", rule, "  forumkb is ready: open " + url,
				"  Sign in at " + url + "login as the first admin:", "    email:    " + email,
				"    password: " + password, rule);
	}

}
