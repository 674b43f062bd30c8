package org.hromada.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a /graphql request whose body is not readable JSON with HTTP 400 and a
 * GraphQL-shaped error, instead of an empty error page, so clients handle it like any
 * other GraphQL error.
 */
@Component
class GraphQlHttpErrors implements HandlerExceptionResolver, Ordered {

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!(ex instanceof HttpMessageNotReadableException) || !request.getRequestURI().endsWith("/graphql")) {
			return null;
		}
		try {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter()
				.write("{\"errors\":[{\"message\":\"The request body is not valid JSON of the form "
						+ "{\\\"query\\\": ..., \\\"variables\\\": {...}}\",\"extensions\":{\"classification\":\"BAD_REQUEST\"}}]}");
			return new ModelAndView();
		}
		catch (IOException io) {
			return null;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
