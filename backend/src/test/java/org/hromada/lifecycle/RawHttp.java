package org.hromada.lifecycle;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * HTTP/1.1 over plain sockets, so that a test knows exactly which TCP connection a
 * request travels on: a fresh one ({@link #fresh}), or one opened earlier and kept alive
 * ({@link Connection}). Every outcome is classified, including the ones an HTTP client
 * library would hide or retry: refused connection, connection closed without an answer.
 * Every wait is bounded (connect 2 s, read 10 s).
 */
final class RawHttp {

	private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

	private static final int READ_TIMEOUT_MILLIS = 10_000;

	private static final ObjectMapper JSON = new ObjectMapper();

	private RawHttp() {
	}

	enum Kind {

		/** Nothing listens on the port any more: the TCP connection was refused. */
		REFUSED,

		/** The connection was open, but closed (FIN or RST) before any status line. */
		CLOSED_UNANSWERED,

		/** No answer in time (a hang guard: never expected). */
		TIMEOUT,

		/** An HTTP response. */
		RESPONSE

	}

	/**
	 * One outcome. {@code nanos} is when the outcome was known (System.nanoTime()).
	 */
	record Outcome(Kind kind, int status, String body, String detail, long nanos) {

		static Outcome of(Kind kind, String detail) {
			return new Outcome(kind, 0, "", detail, System.nanoTime());
		}

		/** The "status" of an actuator health body, or null if the body is not one. */
		String healthStatus() {
			if (this.kind != Kind.RESPONSE || this.body.isBlank()) {
				return null;
			}
			try {
				JsonNode status = JSON.readTree(this.body).path("status");
				return status.isString() ? status.asString() : null;
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

		/** Readiness UP: the process would be kept in (or put into) rotation. */
		boolean isUp() {
			return this.kind == Kind.RESPONSE && this.status == 200 && "UP".equals(healthStatus());
		}

		/**
		 * A short label: "200 UP", "503 OUT_OF_SERVICE", "503 (no health body)",
		 * "REFUSED", ...
		 */
		String label() {
			if (this.kind != Kind.RESPONSE) {
				return this.kind.name();
			}
			String health = healthStatus();
			return this.status + " " + ((health != null) ? health
					: (this.body.isBlank() ? "(empty body)" : "(body: " + abbreviate(this.body) + ")"));
		}

		@Override
		public String toString() {
			return label() + ((this.detail != null) ? " [" + this.detail + "]" : "");
		}

	}

	/**
	 * A request text; {@code close} adds "Connection: close", else the connection is kept
	 * alive.
	 */
	static String request(String method, String path, int port, String bearerToken, String jsonBody, boolean close) {
		StringBuilder request = new StringBuilder();
		request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
		request.append("Host: 127.0.0.1:").append(port).append("\r\n");
		request.append("Accept: application/json\r\n");
		if (bearerToken != null) {
			request.append("Authorization: Bearer ").append(bearerToken).append("\r\n");
		}
		if (close) {
			request.append("Connection: close\r\n");
		}
		byte[] body = (jsonBody != null) ? jsonBody.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (jsonBody != null) {
			request.append("Content-Type: application/json\r\n");
		}
		request.append("Content-Length: ").append(body.length).append("\r\n\r\n");
		if (jsonBody != null) {
			request.append(jsonBody);
		}
		return request.toString();
	}

	/** A GET of the path on a new TCP connection, closed after the answer. */
	static Outcome freshGet(int port, String path) {
		return fresh(port, request("GET", path, port, null, null, true));
	}

	/** The request on a new TCP connection to 127.0.0.1:port. */
	static Outcome fresh(int port, String request) {
		try (Socket socket = new Socket()) {
			try {
				socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
			}
			catch (ConnectException ex) {
				return Outcome.of(Kind.REFUSED, ex.getMessage());
			}
			catch (SocketTimeoutException ex) {
				return Outcome.of(Kind.TIMEOUT, "connect: " + ex.getMessage());
			}
			socket.setSoTimeout(READ_TIMEOUT_MILLIS);
			return exchange(socket.getOutputStream(), new BufferedInputStream(socket.getInputStream()), request);
		}
		catch (IOException ex) {
			return Outcome.of(Kind.CLOSED_UNANSWERED, ex.toString());
		}
	}

	/** A TCP connection kept open across requests (HTTP keep-alive). */
	static final class Connection implements AutoCloseable {

		private final Socket socket;

		private final InputStream in;

		private final OutputStream out;

		Connection(int port) throws IOException {
			this.socket = new Socket();
			this.socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
			this.socket.setSoTimeout(READ_TIMEOUT_MILLIS);
			this.in = new BufferedInputStream(this.socket.getInputStream());
			this.out = this.socket.getOutputStream();
		}

		/**
		 * Sends the request (which should not ask for "Connection: close") and reads the
		 * answer.
		 */
		Outcome send(String request) {
			return exchange(this.out, this.in, request);
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

	private static Outcome exchange(OutputStream out, InputStream in, String request) {
		try {
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
		}
		catch (IOException ex) {
			// A peer that already closed: the write may fail (broken pipe, reset).
			return Outcome.of(Kind.CLOSED_UNANSWERED, "write: " + ex);
		}
		try {
			return read(in);
		}
		catch (SocketTimeoutException ex) {
			return Outcome.of(Kind.TIMEOUT, "read: " + ex.getMessage());
		}
		catch (SocketException ex) {
			return Outcome.of(Kind.CLOSED_UNANSWERED, "read: " + ex);
		}
		catch (IOException ex) {
			return Outcome.of(Kind.CLOSED_UNANSWERED, "read: " + ex);
		}
	}

	private static Outcome read(InputStream in) throws IOException {
		String statusLine = readLine(in);
		if (statusLine == null) {
			return Outcome.of(Kind.CLOSED_UNANSWERED, "end of stream before a status line");
		}
		String[] parts = statusLine.split(" ", 3);
		int status = Integer.parseInt(parts[1]);
		Map<String, String> headers = new HashMap<>();
		String line;
		while ((line = readLine(in)) != null && !line.isEmpty()) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
		}
		byte[] body;
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = readChunked(in);
		}
		else if (headers.containsKey("content-length")) {
			body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
		}
		else {
			body = in.readAllBytes();
		}
		String connection = headers.get("connection");
		return new Outcome(Kind.RESPONSE, status, new String(body, StandardCharsets.UTF_8),
				(connection != null) ? "Connection: " + connection : null, System.nanoTime());
	}

	private static byte[] readChunked(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = readLine(in);
			if (sizeLine == null) {
				throw new IOException("end of stream inside a chunked body");
			}
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt((semicolon >= 0) ? sizeLine.substring(0, semicolon).trim() : sizeLine.trim(),
					16);
			if (size == 0) {
				// Trailers, up to the empty line.
				String trailer;
				while ((trailer = readLine(in)) != null && !trailer.isEmpty()) {
					// ignored
				}
				return body.toByteArray();
			}
			body.write(in.readNBytes(size));
			readLine(in);
		}
	}

	/** A CRLF-terminated line, or null at the end of the stream before any byte. */
	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
		}
		return (line.size() == 0) ? null : line.toString(StandardCharsets.ISO_8859_1);
	}

	static String abbreviate(String text) {
		String flat = text.replaceAll("\\s+", " ").trim();
		return (flat.length() <= 120) ? flat : flat.substring(0, 117) + "...";
	}

}
