package forumkb.account;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that forgets its least recently used entries beyond {@code maxEntries}: memory
 * stays bounded however many keys (addresses, accounts) arrive, and the keys in use — a
 * client being limited right now — are the ones kept. Not thread-safe: callers
 * synchronize on it.
 */
final class RecentMap<K, V> extends LinkedHashMap<K, V> {

	private final int maxEntries;

	RecentMap(int maxEntries) {
		super(16, 0.75f, true);
		this.maxEntries = maxEntries;
	}

	@Override
	protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
		return size() > maxEntries;
	}

}
