/** Web plumbing: problem details and error pages, languages, the request log, static files, page layout model. */
package com.promotracking.web;
