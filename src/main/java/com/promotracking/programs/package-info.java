/** Brands and their partner programs, and the one rule deciding which programs a user may see. */
package com.promotracking.programs;
