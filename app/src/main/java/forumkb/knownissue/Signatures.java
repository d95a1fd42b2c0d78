package forumkb.knownissue;

import forumkb.extract.EntityExtractor;
import forumkb.extract.EntityKind;
import forumkb.extract.ExtractedEntity;
import forumkb.extract.SymptomLines;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The entities that make a good signature: errors, codes, API names, entitlements and
 * services — not frameworks or versions, which half the forum shares.
 */
final class Signatures {

	static final Set<EntityKind> IDENTIFYING = EnumSet.of(EntityKind.ERROR, EntityKind.CODE, EntityKind.API_TYPE,
			EntityKind.API_METHOD, EntityKind.C_FUNCTION, EntityKind.ENTITLEMENT, EntityKind.SERVICE);

	private static final int MAX_FROM_TEXT = 12;

	private final EntityExtractor extractor = new EntityExtractor();

	private final SymptomLines symptoms = new SymptomLines(extractor);

	/** Identifying entities of a text, errors and codes first, at most a dozen. */
	List<KnownIssueDraft.Term> of(String text) {
		List<ExtractedEntity> entities = new ArrayList<>(extractor.extract(symptoms.reduce(text == null ? "" : text)));
		entities.removeIf(entity -> !IDENTIFYING.contains(entity.kind()));
		entities.sort((a, b) -> Integer.compare(rank(a.kind()), rank(b.kind())));
		Set<KnownIssueDraft.Term> terms = new LinkedHashSet<>();
		for (ExtractedEntity entity : entities) {
			if (terms.size() == MAX_FROM_TEXT) {
				break;
			}
			terms.add(new KnownIssueDraft.Term(entity.kind().wireName(), entity.normalized()));
		}
		return List.copyOf(terms);
	}

	private static int rank(EntityKind kind) {
		return switch (kind) {
			case ERROR -> 0;
			case CODE -> 1;
			case API_METHOD, C_FUNCTION -> 2;
			case API_TYPE -> 3;
			default -> 4;
		};
	}

}
