package org.hromada.graphql;

import java.util.UUID;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The one place that turns exceptions into GraphQL errors. Each error carries a
 * classification (extensions.classification) and a message that is safe to show: never a
 * stack trace, an exception class, a query or a stored value. Unexpected failures are
 * logged with a reference the client gets.
 */
@ControllerAdvice
class GraphQlErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrorHandler.class);

	/**
	 * The store (MongoDB) cannot be reached or did not answer in time; the same request
	 * may work later.
	 */
	static final ErrorClassification SERVICE_UNAVAILABLE = ErrorClassification
		.errorClassification("SERVICE_UNAVAILABLE");

	@GraphQlExceptionHandler
	GraphQLError forbidden(AccessDeniedException ex, DataFetchingEnvironment env) {
		return error(env, ErrorType.FORBIDDEN, "You are not allowed to " + describe(env));
	}

	@GraphQlExceptionHandler
	GraphQLError unauthorized(AuthenticationCredentialsNotFoundException ex, DataFetchingEnvironment env) {
		return error(env, ErrorType.UNAUTHORIZED, "Authentication is required to " + describe(env));
	}

	@GraphQlExceptionHandler
	GraphQLError notFound(NotFoundException ex, DataFetchingEnvironment env) {
		return error(env, ErrorType.NOT_FOUND, ex.getMessage());
	}

	@GraphQlExceptionHandler
	GraphQLError badRequest(BadRequestException ex, DataFetchingEnvironment env) {
		return error(env, ErrorType.BAD_REQUEST, ex.getMessage());
	}

	/**
	 * MongoDB down, unreachable or too slow (server selection, connect, read or pool wait
	 * timed out): Spring Data translates all of these to
	 * DataAccessResourceFailureException. Logged as one line, not a stack trace per
	 * request: the store logs when it becomes unreachable and reachable again.
	 */
	@GraphQlExceptionHandler
	GraphQLError storeUnavailable(DataAccessResourceFailureException ex, DataFetchingEnvironment env) {
		log.warn("The data store is not reachable; {} failed: {}", env.getExecutionStepInfo().getPath(),
				ex.getClass().getSimpleName());
		return error(env, SERVICE_UNAVAILABLE, "The data store is not reachable; retry later");
	}

	@GraphQlExceptionHandler
	GraphQLError unexpected(Throwable ex, DataFetchingEnvironment env) {
		String reference = UUID.randomUUID().toString();
		log.error("Unexpected failure in {} (reference {})", env.getExecutionStepInfo().getPath(), reference, ex);
		return error(env, ErrorType.INTERNAL_ERROR, "Internal error; reference " + reference);
	}

	private static String describe(DataFetchingEnvironment env) {
		return "read or change " + env.getExecutionStepInfo().getPath();
	}

	private static GraphQLError error(DataFetchingEnvironment env, ErrorClassification type, String message) {
		return GraphQLError.newError()
			.errorType(type)
			.message(message)
			.path(env.getExecutionStepInfo().getPath())
			.location(env.getField().getSourceLocation())
			.build();
	}

}
