package forumkb.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The first start's banner: one block saying where to go and how the first admin signs
 * in.
 */
class FirstAdminBannerTests {

	@Test
	void oneBlockWithTheUrlTheSignInPageAndTheAdminsCredentials() {
		String banner = FirstAdmin.banner("http://localhost:18080/", "admin@localhost", "s3cret-generated");

		assertThat(banner.lines().filter(line -> line.startsWith("====")).count()).isEqualTo(2);
		assertThat(banner).contains("open http://localhost:18080/")
			.contains("Sign in at http://localhost:18080/login")
			.contains("email:    admin@localhost")
			.contains("password: s3cret-generated");
	}

}
