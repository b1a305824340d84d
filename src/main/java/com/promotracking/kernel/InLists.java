package com.promotracking.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Values for an SQL {@code in (:values)} list, cut into lists of at most {@value #MOST} and each padded to the
 * next power of two by repeating its last value (which changes nothing of what {@code in} matches). Spring writes
 * one {@code ?} per value, so each length of list is a statement of its own, and the embedded H2 keeps the last
 * parsed statements of each connection with all their parameters: the conversion counts of a CSM's 2,000
 * programs, one statement per length, crowded its heap out. This way a statement has at most {@value #MOST}
 * parameters (unless asked for more) and is one of seven lengths. (An array parameter, {@code = any(?)}, is one
 * statement, but H2 reads the whole index for it at run time.)
 */
public final class InLists {

	/** The most values of one statement's list. */
	public static final int MOST = 64;

	private InLists() {
	}

	/** The values in lists of at most {@value #MOST}, each padded; none for no values. */
	public static <T> List<List<T>> of(Collection<T> values) {
		return of(values, MOST);
	}

	/**
	 * The values in lists of at most {@code most} (a power of two), each padded; none for no values. For lookups
	 * where fewer, longer statements pay (thousands of keys read at once).
	 */
	public static <T> List<List<T>> of(Collection<T> values, int most) {
		List<T> all = List.copyOf(values);
		List<List<T>> lists = new ArrayList<>();
		for (int from = 0; from < all.size(); from += most) {
			lists.add(padded(all.subList(from, Math.min(all.size(), from + most))));
		}
		return lists;
	}

	/**
	 * The values, then the last one again up to the next power of two; empty stays empty. For a statement that
	 * cannot be cut in several (one that sorts and pages), or one that must stay one (a batch's lookup).
	 */
	public static <T> List<T> padded(Collection<T> values) {
		List<T> padded = new ArrayList<>(values);
		if (padded.isEmpty()) {
			return padded;
		}
		int length = Integer.highestOneBit(padded.size());
		length = (length == padded.size()) ? length : length << 1;
		T last = padded.get(padded.size() - 1);
		while (padded.size() < length) {
			padded.add(last);
		}
		return padded;
	}

}
