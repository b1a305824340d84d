package com.promotracking.kernel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps values that never change once made (a history entry, its rendered row), up to a bound: when full, the
 * one used longest ago goes. Safe to share between request threads; each call holds the lock only for a lookup
 * or an insert, never while a value is made.
 */
public final class RecentlyUsed<K, V> {

	private final int bound;

	private final LinkedHashMap<K, V> values;

	public RecentlyUsed(int bound) {
		this.bound = bound;
		this.values = new LinkedHashMap<>(bound, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
				return size() > RecentlyUsed.this.bound;
			}
		};
	}

	/** The value kept for the key, now the most recently used one; null when none is kept. */
	public synchronized V get(K key) {
		return this.values.get(key);
	}

	public synchronized void put(K key, V value) {
		this.values.put(key, value);
	}

	public synchronized int size() {
		return this.values.size();
	}

}
