/** The filter chains (API, Actuator, pages), the login page, and how security refusals are answered. */
package com.promotracking.security;
