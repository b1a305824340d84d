/** The few types every feature shares: the domain exception base, field errors, the clock, the app's settings. */
package com.promotracking.kernel;
