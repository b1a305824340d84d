package com.promotracking.kernel;

/**
 * A value of a request that could not be read into its type (a date that is no date, an unknown time zone).
 * The binding of a form or of JSON knows the field, the value's type only knows why: {@code reasonKey}, phrased
 * like {@link InvalidField}'s to follow the field's name.
 */
public class UnreadableValue extends IllegalArgumentException {

	private final String reasonKey;

	public UnreadableValue(String reasonKey) {
		super(reasonKey, null);
		this.reasonKey = reasonKey;
	}

	public String reasonKey() {
		return this.reasonKey;
	}

	/** The first one among the causes of {@code failure}, if any. */
	public static UnreadableValue in(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnreadableValue unreadable) {
				return unreadable;
			}
		}
		return null;
	}

}
