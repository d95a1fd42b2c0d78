package forumkb.thread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import forumkb.WebSlice;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The thread API's answers to ids it cannot serve, on the web layer alone (the reader
 * behind it is a mock): an unknown id is a 404 and an id that is not plain decimal a 400,
 * each with the documented JSON body, and a near miss never reaches the reader.
 */
@WebSlice(ThreadController.class)
@WithMockUser
class ThreadControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	ThreadReader reader;

	@Test
	void anUnknownThreadIsA404WithTheDocumentedBody() {
		given(reader.find(987654321L)).willReturn(Optional.empty());

		assertThat(mvc.get().uri("/api/threads/987654321")).hasStatus(404)
			.bodyJson()
			.isLenientlyEqualTo("{\"status\": 404, \"error\": \"Not Found\", \"message\": \"no thread 987654321\"}");
	}

	@Test
	void anIdThatIsNotPlainDecimalIsA400AndReadsNothing() {
		for (String near : new String[] { "0x1", "+1", "1e0", "1.0", "99999999999999999999" }) {
			assertThat(mvc.get().uri("/api/threads/" + near)).as(near)
				.hasStatus(400)
				.bodyJson()
				.extractingPath("message")
				.asString()
				.contains("plain decimal");
		}
		verify(reader, never()).find(anyLong());
	}

}
