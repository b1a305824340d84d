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
	 * Sends the bytes and reads the reply until it is whole (its headers, then the body its {@code Content-Length}
	 * or its chunks announce) or the server closes. A server that answers before it has read the whole request may
	 * close while the request is still being written: the reply is read all the same. Whole rather than closed:
	 * after refusing a body it has not read, Tomcat keeps the connection open a while for the client to read its
	 * answer, and waiting for that would wait out the socket's timeout.
	 */
	public static String send(int port, byte[] request) throws IOException {
		boolean head = new String(request, 0, Math.min(5, request.length), StandardCharsets.ISO_8859_1).equals("HEAD ");
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
			byte[] buffer = new byte[8192];
			try {
				for (int read; !whole(answer.toString(StandardCharsets.ISO_8859_1), head)
						&& (read = in.read(buffer)) >= 0;) {
					answer.write(buffer, 0, read);
				}
			}
			catch (IOException reset) {
				// A reset after the reply: keep what was read.
			}
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

	/** Whether the reply, read byte for byte, holds its final headers and all the body they announce. */
	static boolean whole(String reply, boolean head) {
		int start = 0;
		while (true) {
			int end = reply.indexOf("\r\n\r\n", start);
			if (end < 0) {
				return false;
			}
			String headers = reply.substring(start, end + 2);
			if (headers.startsWith("HTTP/1.1 1")) {
				start = end + 4; // an interim reply (100 Continue): the final one follows
				continue;
			}
			if (head) {
				return true;
			}
			String length = headerOf(headers + "\r\n", "Content-Length");
			if (length != null) {
				return reply.length() - (end + 4) >= Long.parseLong(length);
			}
			return "chunked".equalsIgnoreCase(headerOf(headers + "\r\n", "Transfer-Encoding"))
					&& lastChunkRead(reply, end + 4);
		}
	}

	/** Whether the chunks from {@code at} on end with the last, empty one (and no trailer). */
	private static boolean lastChunkRead(String reply, int at) {
		while (true) {
			int line = reply.indexOf("\r\n", at);
			if (line < 0) {
				return false;
			}
			int size = Integer.parseInt(reply.substring(at, line).split(";", 2)[0].trim(), 16);
			if (size == 0) {
				return reply.startsWith("\r\n", line + 2);
			}
			at = line + 2 + size + 2;
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
