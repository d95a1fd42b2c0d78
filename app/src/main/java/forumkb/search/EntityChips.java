package forumkb.search;

import forumkb.extract.CatalogEntry;
import forumkb.extract.EntityExtractor;
import forumkb.extract.ErrorCatalog;
import forumkb.search.SearchResult.Chip;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A thread's entities as the chips it shows. A code's meaning comes from the catalog only
 * where it agrees with the thread: a bare number means what it means in the error domains
 * the thread names ({@code 300} on a WebKitErrorDomain thread is not CFNetwork's 300),
 * and by itself only when the thread names none and the catalog knows one code of that
 * number. Chips that carry nothing are left out: a bare number without such a meaning, or
 * one an error chip of the thread already shows with its domain, and the API names nearly
 * every post uses ({@link EntityExtractor#isUbiquitous}).
 */
final class EntityChips {

	private final ErrorCatalog catalog;

	EntityChips(ErrorCatalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * Every entity with the meaning the thread's domains allow; {@code entities} are
	 * distinct chips without meanings.
	 */
	List<Chip> withMeanings(List<Chip> entities) {
		Set<String> domains = new LinkedHashSet<>();
		for (Chip entity : entities) {
			if (entity.kind().equals("error")) {
				int colon = entity.value().lastIndexOf(':');
				domains.add(colon > 0 ? entity.value().substring(0, colon) : entity.value());
			}
		}
		Set<String> errorCodes = errorCodes(entities);
		List<Chip> chips = new ArrayList<>(entities.size());
		for (Chip entity : entities) {
			String meaning = entity.kind().equals("code") && isNumber(entity.value())
					? numberMeaning(entity.value(), domains, errorCodes) : meaning(entity.kind(), entity.value());
			chips.add(new Chip(entity.kind(), entity.value(), meaning));
		}
		return chips;
	}

	/** The chips worth showing of a thread's chips (see the class comment). */
	static List<Chip> shown(List<Chip> chips) {
		Set<String> errorCodes = errorCodes(chips);
		return chips.stream().filter(chip -> informative(chip, errorCodes)).toList();
	}

	private static boolean informative(Chip chip, Set<String> errorCodes) {
		return switch (chip.kind()) {
			case "api-type", "api-method", "c-function" -> !EntityExtractor.isUbiquitous(chip.value());
			case "code" -> !isNumber(chip.value()) || chip.meaning() != null && !errorCodes.contains(chip.value());
			default -> true;
		};
	}

	/**
	 * The meaning of a catalogued code or error, null for other kinds; a bare number is
	 * read as {@link ErrorCatalog#entryOf} reads it, meaning something only when one
	 * domain has it.
	 */
	String meaning(String kind, String value) {
		return kind.equals("error") || kind.equals("code")
				? catalog.entryOf(value).map(EntityChips::described).orElse(null) : null;
	}

	/**
	 * A bare number's meaning in the thread: the one entry the thread's domains have for
	 * it; none when it is the code of an error whose domain does not catalogue it; else
	 * what it means on its own.
	 */
	private String numberMeaning(String value, Set<String> domains, Set<String> errorCodes) {
		int code = Integer.parseInt(value);
		List<CatalogEntry> agreeing = domains.stream()
			.map(domain -> catalog.byDomainAndCode(domain, code))
			.flatMap(Optional::stream)
			.distinct()
			.toList();
		if (agreeing.size() == 1) {
			return described(agreeing.getFirst());
		}
		return agreeing.isEmpty() && !errorCodes.contains(value) ? meaning("code", value) : null;
	}

	/** The codes of the error chips ({@code 300} of {@code WebKitErrorDomain:300}). */
	private static Set<String> errorCodes(List<Chip> chips) {
		Set<String> codes = new LinkedHashSet<>();
		for (Chip chip : chips) {
			int colon = chip.value().lastIndexOf(':');
			if (chip.kind().equals("error") && colon > 0) {
				codes.add(chip.value().substring(colon + 1));
			}
		}
		return codes;
	}

	private static String described(CatalogEntry entry) {
		return entry.name() + ": " + entry.meaning();
	}

	/** A signed decimal of up to nine digits, so that it fits an int. */
	private static boolean isNumber(String value) {
		return value.matches("-?\\d{1,9}");
	}

}
