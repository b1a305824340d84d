package com.promotracking.console;

/** A program's conversions of the console's last days: credited by a code, and those a code did not credit, by flag. */
record ConversionCounts(long credited, long codeUnknown, long policyNotMet, long codeInactive) {

	static final ConversionCounts NONE = new ConversionCounts(0, 0, 0, 0);

	long flagged() {
		return this.codeUnknown + this.policyNotMet + this.codeInactive;
	}

}
