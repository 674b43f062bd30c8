package org.hromada.webapp;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The tile server of the coordinators' map of needs ({@code hromada.web.map-tiles}, a URL
 * template with {z}, {x} and {y}; OpenStreetMap's by default). The web client reads it
 * from config.json, and the Content Security Policy allows images from its origin and no
 * other.
 */
@Component
class MapTiles {

	static final String PROPERTY = "hromada.web.map-tiles";

	static final String OPEN_STREET_MAP = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

	private final String template;

	private final String origin;

	MapTiles(Environment environment) {
		// Read without placeholder defaults: the template's own braces are not
		// placeholders.
		this.template = environment.getProperty(PROPERTY, OPEN_STREET_MAP);
		this.origin = originOf(this.template);
	}

	String template() {
		return this.template;
	}

	/** Scheme, host and port of the tile server, for img-src. */
	String origin() {
		return this.origin;
	}

	private static String originOf(String template) {
		if (!(template.contains("{z}") && template.contains("{x}") && template.contains("{y}"))) {
			throw new IllegalStateException(PROPERTY + " must be a URL template with {z}, {x} and {y}");
		}
		try {
			URI uri = new URI(template.replace("{", "").replace("}", ""));
			if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
				throw new IllegalStateException(PROPERTY + " must be an http or https URL");
			}
			return uri.getScheme() + "://" + uri.getRawAuthority();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(PROPERTY + " is not a URL: " + ex.getMessage());
		}
	}

}
