/** The database: where the embedded one lives, how repositories are set up, and the demo data. */
package com.promotracking.database;
