/** Sessions in the database (Spring Session JDBC), written and read as seldom as a session needs. */
package com.promotracking.sessions;
