/** A brand's API keys: made and revoked by its people, checked on every call its servers make with one. */
package com.promotracking.apikeys;
