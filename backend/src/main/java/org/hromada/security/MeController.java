package org.hromada.security;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Serves the caller's own identity. */
@Controller
class MeController {

	@QueryMapping
	Caller me(Caller caller) {
		return caller;
	}

}
