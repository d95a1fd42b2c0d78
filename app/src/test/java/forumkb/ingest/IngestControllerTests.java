package forumkb.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import forumkb.WebSlice;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * What the ingest API refuses before any ingest starts, on the web layer alone (the
 * service, the fetcher and the run lookups behind it are mocks): each refusal is a 4xx
 * with the documented JSON body, and nothing is ingested.
 */
@WebSlice(IngestController.class)
@WithMockUser(roles = "ENGINEER")
class IngestControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	IngestService ingest;

	@MockitoBean
	UrlFetcher fetcher;

	@MockitoBean
	IngestRunRepository runs;

	@MockitoBean
	IngestErrorRepository errors;

	@MockitoBean
	RunThreadReader runThreads;

	@Test
	void anUploadWithoutFilesIsABadRequest() {
		MvcTestResult noFiles = mvc.post().uri("/api/ingest").multipart().with(csrf()).exchange();

		assertThat(noFiles).hasStatus(400).bodyJson().extractingPath("message").asString().contains("no file");
		verify(ingest, never()).ingest(anyString(), anyList());
	}

	@Test
	void anUnknownFormatIsABadRequestThatNamesTheKnownOnes() {
		MvcTestResult unknown = mvc.post()
			.uri("/api/ingest?format=pdf")
			.multipart()
			.file(new MockMultipartFile("files", "a.pdf", "application/pdf", new byte[] { 1 }))
			.with(csrf())
			.exchange();

		assertThat(unknown).hasStatus(400)
			.bodyJson()
			.extractingPath("message")
			.asString()
			.contains("unknown format \"pdf\"")
			.contains("jsonl");
		verify(ingest, never()).ingest(anyString(), anyList());
	}

	@Test
	void aBodyThatIsNotJsonOrHasNoUrlIsABadRequestWithoutJavaInIt() {
		for (String body : new String[] { "{not json", "{\"url\": \"\"}", "null" }) {
			MvcTestResult refused = post(body);
			assertThat(refused).as(body).hasStatus(400).bodyJson().extractingPath("status").isEqualTo(400);
			assertThat(refused).as(body).bodyText().doesNotContain("Exception");
		}
		verify(ingest, never()).ingest(anyString(), anyList());
	}

	@Test
	void aUrlThatCannotBeFetchedIsA422WithTheFetchersReason() throws Exception {
		given(fetcher.fetch("https://forum.example/export.jsonl"))
			.willThrow(new UrlFetcher.FetchException("could not fetch https://forum.example/export.jsonl"));

		assertThat(post("{\"url\": \"https://forum.example/export.jsonl\"}")).hasStatus(422)
			.bodyJson()
			.extractingPath("message")
			.asString()
			.isEqualTo("could not fetch https://forum.example/export.jsonl");
		verify(ingest, never()).ingest(anyString(), anyList());
	}

	@Test
	void anUnknownRunIsA404WithTheDocumentedBody() {
		given(runs.findById(any())).willReturn(Optional.empty());

		assertThat(mvc.get().uri("/api/ingest/runs/987654321")).hasStatus(404)
			.bodyJson()
			.isLenientlyEqualTo(
					"{\"status\": 404, \"error\": \"Not Found\", \"message\": \"no ingest run 987654321\"}");
	}

	private MvcTestResult post(String json) {
		return mvc.post()
			.uri("/api/ingest")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(csrf())
			.exchange();
	}

}
