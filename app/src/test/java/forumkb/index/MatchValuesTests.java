package forumkb.index;

import static org.assertj.core.api.Assertions.assertThat;

import forumkb.InFirstJvm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a search reads of a match comes back from its bytes as it was packed. */
@InFirstJvm
class MatchValuesTests {

	@Test
	void theValuesPackedAreTheValuesRead() {
		Map<String, List<String>> facets = new LinkedHashMap<>();
		facets.put("tag", List.of("ios", "swiftui", "ios"));
		facets.put("error", List.of("NSURLErrorDomain -1009", "ünïcode ✓ 𝄞"));
		facets.put("month", List.of("2024-03"));
		facets.put("api", List.of("x".repeat(70_000)));
		MatchValues values = new MatchValues(9_007_199_254_740_993L, 1_710_000_000_123L, true, facets);

		MatchValues read = MatchValues.decode(values.encode());

		assertThat(read).isEqualTo(values);
		assertThat(read.values("tag")).containsExactly("ios", "swiftui", "ios");
		assertThat(read.values("framework")).isEmpty();
	}

	@Test
	void aThreadWithoutActivityOrFacets() {
		MatchValues values = new MatchValues(7, null, false, Map.of());

		MatchValues read = MatchValues.decode(values.encode());

		assertThat(read.id()).isEqualTo(7);
		assertThat(read.activity()).isNull();
		assertThat(read.answered()).isFalse();
		assertThat(read.facets()).isEmpty();
	}

}
