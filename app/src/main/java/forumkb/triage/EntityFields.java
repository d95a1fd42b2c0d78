package forumkb.triage;

import static forumkb.index.IndexFields.*;

/** The exact index field an entity kind (wire name) is matched in; null for versions. */
final class EntityFields {

	private EntityFields() {
	}

	static String fieldOf(String kind) {
		return switch (kind) {
			case "error" -> ERROR;
			case "code" -> CODE;
			case "api-type", "api-method", "c-function" -> API;
			case "framework" -> FRAMEWORK;
			case "entitlement" -> ENTITLEMENT;
			case "service" -> SERVICE;
			default -> null;
		};
	}

}
