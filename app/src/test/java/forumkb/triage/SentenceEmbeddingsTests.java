package forumkb.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

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
		assertThat(SentenceEmbeddings.cosine(batch.get(1), EMBEDDINGS.embed(PARAPHRASE))).isGreaterThan(0.9999f);
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
