package org.hromada.subscription;

import java.util.List;

import graphql.GraphQLError;
import org.hromada.activity.FeedOverflowException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The errors that end a failing subscription say what the client can do, no internals.
 */
class SubscriptionErrorsTests {

	private final SubscriptionErrors errors = new SubscriptionErrors();

	@Test
	void aStoreOutageIsServiceUnavailableWithoutInternals() {
		GraphQLError error = resolve(new DataAccessResourceFailureException("Timed out at mongo-1:27017"));
		assertThat(error.getErrorType().toString()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(error.getMessage()).doesNotContain("mongo-1");
	}

	@Test
	void aSubscriberTooFarBehindTheFeedIsServiceUnavailable() {
		GraphQLError error = resolve(new FeedOverflowException());
		assertThat(error.getErrorType().toString()).isEqualTo("SERVICE_UNAVAILABLE");
	}

	@Test
	void anUnexpectedFaultGivesOnlyAReference() {
		GraphQLError error = resolve(new IllegalStateException("secret detail"));
		assertThat(error.getErrorType().toString()).isEqualTo("INTERNAL_ERROR");
		assertThat(error.getMessage()).startsWith("Internal error; reference ").doesNotContain("secret");
	}

	private GraphQLError resolve(Throwable ex) {
		List<GraphQLError> resolved = this.errors.resolveException(ex).block();
		assertThat(resolved).hasSize(1);
		return resolved.get(0);
	}

}
