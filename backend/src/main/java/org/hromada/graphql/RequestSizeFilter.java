package org.hromada.graphql;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a GraphQL request whose body is larger than
 * {@code hromada.graphql.limits.max-request-size} with HTTP 413 and a GraphQL-shaped
 * error, before authentication and before the body is parsed:
 * <ul>
 * <li>a declared Content-Length over the limit is refused on the header alone, nothing
 * read (the server closes the connection rather than drain a large body);</li>
 * <li>a body of unknown length (chunked) is read up to one byte more than the limit: over
 * it, refused; otherwise the request goes on with the bytes read. At most the limit is
 * ever held in memory.</li>
 * </ul>
 * Registered ahead of Spring Security's filter chain ({@link QueryLimitsConfiguration}).
 */
final class RequestSizeFilter extends OncePerRequestFilter {

	private final int maxBytes;

	RequestSizeFilter(QueryLimits limits) {
		this.maxBytes = (int) limits.maxRequestSize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBytes) {
			refuse(response,
					"Request body size " + declared + " bytes exceeds the limit of " + this.maxBytes + " bytes");
			return;
		}
		if (declared < 0 && mayHaveBody(request)) {
			byte[] body = request.getInputStream().readNBytes(this.maxBytes + 1);
			if (body.length > this.maxBytes) {
				refuse(response, "Request body size exceeds the limit of " + this.maxBytes + " bytes");
				return;
			}
			chain.doFilter(new ReadBodyRequest(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean mayHaveBody(HttpServletRequest request) {
		String method = request.getMethod();
		return !(HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) || HttpMethod.OPTIONS.matches(method)
				|| HttpMethod.TRACE.matches(method));
	}

	private static void refuse(HttpServletResponse response, String message) throws IOException {
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		// The message holds only fixed text and numbers: nothing to escape.
		response.getWriter()
			.write("{\"errors\":[{\"message\":\"" + message
					+ "\",\"extensions\":{\"classification\":\"BAD_REQUEST\"}}]}");
	}

	/** The request with its body already read (at most the limit). */
	private static final class ReadBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		private final ServletInputStream input;

		ReadBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
			this.input = new BodyInputStream(new ByteArrayInputStream(body));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			return this.input;
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(this.input, charset));
		}

	}

	private static final class BodyInputStream extends ServletInputStream {

		private final ByteArrayInputStream bytes;

		BodyInputStream(ByteArrayInputStream bytes) {
			this.bytes = bytes;
		}

		@Override
		public int read() {
			return this.bytes.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return this.bytes.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return this.bytes.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException("The body was read before the request reached its handler");
		}

	}

}
