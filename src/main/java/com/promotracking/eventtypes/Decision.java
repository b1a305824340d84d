package com.promotracking.eventtypes;

/** What a reviewer decides about a test action. */
enum Decision {

	APPROVE, REJECT

}
