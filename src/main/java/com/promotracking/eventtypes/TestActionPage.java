package com.promotracking.eventtypes;

import java.util.List;

/** One page of an event type's test actions, newest first, and whether another page follows (read, never counted). */
record TestActionPage(List<TestActionView> testActions, int page, int size, boolean hasNext) {

	static TestActionPage none(int size) {
		return new TestActionPage(List.of(), 0, size, false);
	}

}
