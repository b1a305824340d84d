package com.promotracking.kernel;

import java.util.List;

/**
 * One page of a list read newest first, and whether another page follows: the codes, the requests, the test actions
 * of an event type and the history all page so. A store reads one more than the page shows ({@code size + 1} from
 * {@code page * size}) and {@link #cut} tells from that one more whether a next page follows, so a list is never
 * counted; a page past the end is empty. Pages count from 0.
 */
public record PageOf<T>(List<T> items, int page, int size, boolean hasNext) {

	/**
	 * The page of {@code readOneMore}, read one longer than the page: when the extra one came, another page follows
	 * and the page keeps a copy of the first {@code size} only, not the extra one.
	 */
	public static <T> PageOf<T> cut(List<T> readOneMore, int page, int size) {
		boolean hasNext = readOneMore.size() > size;
		return new PageOf<>(hasNext ? List.copyOf(readOneMore.subList(0, size)) : readOneMore, page, size, hasNext);
	}

	/** The first page, with nothing on it: what a list shows when it was not read (its filters were refused). */
	public static <T> PageOf<T> empty(int size) {
		return empty(0, size);
	}

	/** Page {@code page} with nothing on it and none after it: nothing there to read. */
	public static <T> PageOf<T> empty(int page, int size) {
		return new PageOf<>(List.of(), page, size, false);
	}

	/** Whether a page comes before this one. */
	public boolean hasPrevious() {
		return this.page > 0;
	}

}
