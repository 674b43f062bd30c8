package org.hromada.webapp;

import java.util.Map;

import org.hromada.security.TokenProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Serves the web client at /app/ (its files are in static/app/) and tells it what it
 * cannot know from its own files: where the realm is, how many queued needs one
 * logAidRequests call takes, and the tile server of the coordinators' map.
 */
@Controller
class FieldAppController {

	/**
	 * The realm's public client for the web and field apps (authorization code + PKCE).
	 */
	static final String CLIENT_ID = "hromada-web";

	private final Map<String, Object> config;

	FieldAppController(TokenProperties token, MapTiles mapTiles,
			@Value("${hromada.aid.max-batch-size:100}") int maxBatchSize) {
		this.config = Map.of("issuer", token.issuer().toString(), "clientId", CLIENT_ID, "maxBatchSize", maxBatchSize,
				"mapTiles", mapTiles.template());
	}

	@GetMapping("/app")
	String app() {
		return "redirect:/app/";
	}

	@GetMapping("/app/")
	String index() {
		return "forward:/app/index.html";
	}

	@GetMapping("/app/config.json")
	@ResponseBody
	ResponseEntity<Map<String, Object>> config() {
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(this.config);
	}

}
