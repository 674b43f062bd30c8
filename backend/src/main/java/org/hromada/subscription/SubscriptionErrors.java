package org.hromada.subscription;

import java.util.UUID;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.hromada.activity.FeedOverflowException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Turns a failure of an open subscription's stream into the error that ends it, with a
 * classification like other errors and never an internal message: a subscriber too far
 * behind, the data store unreachable while loading an event, or an unexpected fault (a
 * reference to the server log).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionErrors.class);

	static final ErrorClassification SERVICE_UNAVAILABLE = ErrorClassification
		.errorClassification("SERVICE_UNAVAILABLE");

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex) {
		if (ex instanceof FeedOverflowException) {
			return error(SERVICE_UNAVAILABLE, ex.getMessage());
		}
		if (ex instanceof DataAccessResourceFailureException) {
			log.warn("The data store is not reachable; a subscription ended: {}", ex.getClass().getSimpleName());
			return error(SERVICE_UNAVAILABLE, "The data store is not reachable; subscribe again later");
		}
		String reference = UUID.randomUUID().toString();
		log.error("Unexpected failure of a subscription (reference {})", reference, ex);
		return error(ErrorType.INTERNAL_ERROR, "Internal error; reference " + reference);
	}

	private static GraphQLError error(ErrorClassification type, String message) {
		return GraphqlErrorBuilder.newError().errorType(type).message(message).build();
	}

}
