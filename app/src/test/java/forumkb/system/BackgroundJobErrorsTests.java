package forumkb.system;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.SharedApplication;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.scheduling.TaskScheduler;

/**
 * Jobs run by the application's scheduler, failing: while the database cannot be reached
 * one line says the jobs wait (a restart of the embedded PostgreSQL made every job log a
 * stack trace at every run); anything else is an error with its stack trace.
 */
@SharedApplication
@ExtendWith(OutputCaptureExtension.class)
class BackgroundJobErrorsTests {

	@Autowired
	TaskScheduler scheduler;

	@Test
	void jobsFailingForWantOfTheDatabaseSayOnceThatTheyWait(CapturedOutput output) throws Exception {
		List<ScheduledFuture<?>> runs = new ArrayList<>();
		for (int run = 0; run < 3; run++) {
			runs.add(scheduler.schedule(() -> {
				throw new DataAccessResourceFailureException("Connection to localhost:5432 refused");
			}, Instant.now()));
		}
		for (ScheduledFuture<?> run : runs) {
			// Done once the error handler has had the failure.
			run.get(10, TimeUnit.SECONDS);
		}

		String line = "Background jobs wait: the database cannot be reached (Connection to localhost:5432 refused)";
		assertThat(output.getAll().lines().filter(logged -> logged.contains(line))).hasSize(1);
		assertThat(output.getAll()).doesNotContain("DataAccessResourceFailureException");
	}

	@Test
	void anyOtherFailureIsAnErrorWithItsStackTrace(CapturedOutput output) throws Exception {
		scheduler.schedule(() -> {
			throw new IllegalStateException("the known-issue index is closed");
		}, Instant.now()).get(10, TimeUnit.SECONDS);

		assertThat(output.getAll()).contains("ERROR")
			.contains("Background job failed; it runs again on its schedule")
			.contains("java.lang.IllegalStateException: the known-issue index is closed");
	}

}
