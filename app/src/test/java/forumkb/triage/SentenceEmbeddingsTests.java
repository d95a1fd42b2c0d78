package forumkb.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import forumkb.InFirstJvm;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

@InFirstJvm
class SentenceEmbeddingsTests {

	private static final SentenceEmbeddings EMBEDDINGS = new SentenceEmbeddings(true);

	private static final String THREAD = "NEVPNManager: VPN connection status goes to disconnected right after "
			+ "startVPNTunnel. I call startVPNTunnel() on the connection, the status changes to connecting and "
			+ "then immediately to disconnected, with no error in the console.";

	private static final String PARAPHRASE = "When I switch on the VPN in Settings the toggle just flips back off "
			+ "after a second and nothing is logged.";

	private static final String UNRELATED = "Xcode Cloud build fails while archiving because the provisioning "
			+ "profile for the watch app is missing.";

	@Test
	void paraphraseIsCloserThanAnUnrelatedReport() {
		float[] thread = EMBEDDINGS.embed(THREAD);
		float toParaphrase = SentenceEmbeddings.cosine(thread, EMBEDDINGS.embed(PARAPHRASE));
		float toUnrelated = SentenceEmbeddings.cosine(thread, EMBEDDINGS.embed(UNRELATED));

		assertThat(toParaphrase).isGreaterThan(toUnrelated + 0.1f);
	}

	@Test
	void vectorsAreNormalisedAndBatchMatchesSingle() {
		List<float[]> batch = EMBEDDINGS.embedAll(List.of(THREAD, PARAPHRASE, UNRELATED));

		assertThat(batch).hasSize(3);
		assertThat(batch.get(1)).hasSize(SentenceEmbeddings.DIMENSIONS);
		assertThat(SentenceEmbeddings.cosine(batch.get(1), batch.get(1))).isCloseTo(1f, offset(1e-4f));
		assertThat(batch.get(1)).containsExactly(EMBEDDINGS.embed(PARAPHRASE));
	}

	@Test
	void vectorsAreTheOnesLangchain4jComputedOneTextAtATime() {
		// Stored vectors were computed that way: equal vectors keep them valid.
		EmbeddingModel langchain4j = new AllMiniLmL6V2QuantizedEmbeddingModel();
		for (String text : List.of(THREAD, PARAPHRASE, SentenceEmbeddings.truncate(THREAD.repeat(8)))) {
			float[] expected = langchain4j.embed(text).content().vector();
			float[] ours = EMBEDDINGS.embed(text);
			for (int d = 0; d < SentenceEmbeddings.DIMENSIONS; d++) {
				assertThat(ours[d]).isCloseTo(expected[d], offset(1e-5f));
			}
		}
	}

	@Test
	void aRunOfSeveralTextsKeepsEachTextsVectorAndOrder() {
		List<String> texts = List.of(THREAD, PARAPHRASE, UNRELATED, THREAD.repeat(8));
		List<float[]> together = EMBEDDINGS.embedAll(texts, SentenceEmbeddings.MAX_TOKENS, texts.size());

		for (int i = 0; i < texts.size(); i++) {
			assertThat(SentenceEmbeddings.cosine(together.get(i), EMBEDDINGS.embed(texts.get(i)))).isGreaterThan(0.99f);
			assertThat(SentenceEmbeddings.cosine(together.get(i), together.get(i))).isCloseTo(1f, offset(1e-4f));
		}
		assertThat(SentenceEmbeddings.cosine(together.get(0), together.get(1)))
			.isGreaterThan(SentenceEmbeddings.cosine(together.get(0), together.get(2)) + 0.1f);
	}

	@Test
	void aTextIsEmbeddedUpToItsFirstWordPieces() {
		// Common words are one word piece each; [CLS] and [SEP] take two of the 64.
		List<String> words = List.of("the cat sat on the mat and the dog ran to the old red barn".split(" "));
		String longText = String.join(" ", Collections.nCopies(10, String.join(" ", words)));
		String first62 = String.join(" ", List.of(longText.split(" ")).subList(0, 62));

		assertThat(embedUpTo64(longText)).containsExactly(EMBEDDINGS.embed(first62), offset(1e-5f));
		assertThat(SentenceEmbeddings.cosine(embedUpTo64(longText), EMBEDDINGS.embed(longText))).isLessThan(0.9999f);
		assertThat(embedUpTo64(PARAPHRASE)).containsExactly(EMBEDDINGS.embed(PARAPHRASE));
	}

	private static float[] embedUpTo64(String text) {
		return EMBEDDINGS.embedAll(List.of(text), 64, 1).getFirst();
	}

	@Test
	void longTextIsCutAtAWordAndBlankTextStillEmbeds() {
		String cut = SentenceEmbeddings.truncate("word ".repeat(1000));

		assertThat(cut.length()).isLessThanOrEqualTo(SentenceEmbeddings.MAX_CHARS);
		assertThat(cut).endsWith("word");
		assertThat(EMBEDDINGS.embed("  \n")).hasSize(SentenceEmbeddings.DIMENSIONS);
	}

	@Test
	void turnedOffItRefusesToEmbed() {
		SentenceEmbeddings off = new SentenceEmbeddings(false);

		assertThat(off.enabled()).isFalse();
		assertThatThrownBy(() -> off.embed(THREAD)).isInstanceOf(IllegalStateException.class);
	}

}
