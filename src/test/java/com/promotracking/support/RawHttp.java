package com.promotracking.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Requests written byte for byte on a socket, for what no HTTP client library sends: malformed addresses and
 * headers, unknown methods, bodies that announce more than they send.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** Sends the request as it is (ISO-8859-1, so each char is one byte) and answers the whole reply as text. */
	public static String send(int port, String request) throws IOException {
		return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
	}

	/**
	 * Sends the bytes and reads the reply until the server closes. A server that answers before it has read the
	 * whole request may close while the request is still being written: the reply is read all the same.
	 */
	public static String send(int port, byte[] request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request);
				out.flush();
			}
			catch (IOException closedEarly) {
				// Answered already: read what came back.
			}
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			try {
				in.transferTo(answer);
			}
			catch (IOException reset) {
				// A reset after the reply: keep what was read.
			}
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

	public static int statusOf(String answer) {
		return Integer.parseInt(answer.substring(9, 12));
	}

	/** The value of the first header of that name in the reply, or null. */
	public static String headerOf(String answer, String name) {
		for (String line : answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).split("\r\n")) {
			if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
				return line.substring(name.length() + 1).trim();
			}
		}
		return null;
	}

	/** The reply's body: what follows the headers. */
	public static String bodyOf(String answer) {
		int end = answer.indexOf("\r\n\r\n");
		return (end < 0) ? "" : answer.substring(end + 4);
	}

}
