package org.hromada.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hromada.security.TokenProperties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Content Security Policy of the web client. The import map must be inline (browsers
 * do not load it from a file), so its SHA-256 is allowed, computed from the served
 * index.html at start-up: editing the map never needs a second edit here.
 */
@Component
class FieldAppPolicy {

	static final String INDEX = "static/app/index.html";

	private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>",
			Pattern.DOTALL);

	private final String contentSecurityPolicy;

	FieldAppPolicy(TokenProperties token, MapTiles mapTiles) {
		String realmOrigin = origin(token.issuer());
		this.contentSecurityPolicy = String.join("; ", "default-src 'self'",
				"script-src 'self' 'sha256-" + importMapHash() + "'", "style-src 'self'",
				"img-src 'self' data: " + mapTiles.origin(), "font-src 'self'", "connect-src 'self' " + realmOrigin,
				"form-action 'self' " + realmOrigin, "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'",
				"worker-src 'self'", "manifest-src 'self'");
	}

	String contentSecurityPolicy() {
		return this.contentSecurityPolicy;
	}

	static String importMapHash() {
		try (InputStream in = new ClassPathResource(INDEX).getInputStream()) {
			Matcher map = IMPORT_MAP.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			if (!map.find()) {
				throw new IllegalStateException(INDEX + " has no <script type=\"importmap\">");
			}
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(map.group(1).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + INDEX, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The realm's origin (scheme, host, port), where the app signs in and refreshes. */
	static String origin(URI issuer) {
		return issuer.getScheme() + "://" + issuer.getRawAuthority();
	}

}
