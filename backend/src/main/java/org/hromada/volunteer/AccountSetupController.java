package org.hromada.volunteer;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind a setup link: a volunteer registered by a coordinator chooses a
 * password. GET shows a minimal form for a valid link; POST sets the password through
 * Keycloak and uses the link up. Pages are never cached and never echo anything but the
 * (checked) token; the token and the password are never logged.
 */
@Controller
class AccountSetupController {

	static final int MIN_PASSWORD = 12;

	private final VolunteerRegistration registration;

	AccountSetupController(VolunteerRegistration registration) {
		this.registration = registration;
	}

	@GetMapping(path = "/account-setup", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> form(@RequestParam(required = false) String token) {
		if (this.registration.peek(token).isEmpty()) {
			return page(HttpStatus.GONE, "This link is not valid",
					"<p>It was used already, has expired or is wrong. Ask your coordinator for a new one.</p>");
		}
		return page(HttpStatus.OK, "Choose your password",
				"<form method=\"post\" action=\"/account-setup\">" + "<input type=\"hidden\" name=\"token\" value=\""
						+ token + "\">" + "<p><label>Password (at least " + MIN_PASSWORD
						+ " characters)<br><input type=\"password\" name=\"password\" minlength=\"" + MIN_PASSWORD
						+ "\" required autocomplete=\"new-password\"></label></p>"
						+ "<p><label>Password again<br><input type=\"password\" name=\"confirmation\" required "
						+ "autocomplete=\"new-password\"></label></p>" + "<p><button type=\"submit\">Save</button></p>"
						+ "</form>");
	}

	@PostMapping(path = "/account-setup", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> setPassword(@RequestParam(required = false) String token,
			@RequestParam(required = false) String password, @RequestParam(required = false) String confirmation) {
		if (password == null || password.length() < MIN_PASSWORD || password.length() > 200
				|| !password.equals(confirmation)) {
			return page(HttpStatus.BAD_REQUEST, "Password not saved", "<p>The two passwords must match and have "
					+ MIN_PASSWORD + " to 200 characters. Go back and try again.</p>");
		}
		boolean set;
		try {
			set = this.registration.setPassword(token, password);
		}
		catch (RuntimeException ex) {
			return page(HttpStatus.BAD_GATEWAY, "Password not saved",
					"<p>The account service refused the password or is not reachable. The link still works: "
							+ "try again later, perhaps with a longer password.</p>");
		}
		if (!set) {
			return page(HttpStatus.GONE, "This link is not valid",
					"<p>It was used already, has expired or is wrong. Ask your coordinator for a new one.</p>");
		}
		return page(HttpStatus.OK, "Password saved", "<p>You can now sign in to Hromada with your email address.</p>");
	}

	private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
		return ResponseEntity.status(status)
			.cacheControl(CacheControl.noStore())
			.header("Referrer-Policy", "no-referrer")
			.header("Content-Security-Policy", "default-src 'none'; form-action 'self'")
			.contentType(MediaType.TEXT_HTML)
			.body("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Hromada: " + title
					+ "</title></head><body><h1>" + title + "</h1>" + body + "</body></html>");
	}

}
