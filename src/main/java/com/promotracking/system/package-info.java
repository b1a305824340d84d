/** Cross-cutting web plumbing: security, language, error pages, problem responses, start-up data. */
package com.promotracking.system;
