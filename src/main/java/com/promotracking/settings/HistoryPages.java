package com.promotracking.settings;

/** Page sizes of the settings history. */
final class HistoryPages {

	/** On the Ad settings page. */
	static final int PAGE_SIZE = 10;

	/** The most the API returns at once. */
	static final int MAX_SIZE = 100;

	private HistoryPages() {
	}

}
