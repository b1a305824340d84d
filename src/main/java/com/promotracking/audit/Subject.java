package com.promotracking.audit;

/** What a history entry is about, with a label people recognise (a program, an event type's name, an order id). */
public record Subject(SubjectType type, long id, String label) {

	public enum SubjectType {

		PROMO_CODE_SETTINGS, EVENT_TYPE, TEST_ACTION, PROMO_CODE, PROMO_CODE_REQUEST, API_KEY, PROMO_CODE_IMPORT;

		public String value() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

		public String messageKey() {
			return "history.subject." + name();
		}

	}

}
