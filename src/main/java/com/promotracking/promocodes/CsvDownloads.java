package com.promotracking.promocodes;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** A CSV file as a download: one way for the export (page and API) and an import's errors to answer. */
final class CsvDownloads {

	static final String TEXT_CSV = "text/csv";

	private CsvDownloads() {
	}

	/** Sets the type and the file's name; the file is written to what it returns (not to be closed). */
	static OutputStream start(HttpServletResponse response, String fileName) throws IOException {
		response.setContentType(TEXT_CSV + ";charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName).build().toString());
		return response.getOutputStream();
	}

}
