package org.hromada.subscription;

import java.util.List;

import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * Subscriptions are served over WebSocket only (graphql-ws at /graphql-ws), where the
 * token is checked at connection_init, each event reports its withheld fields and the
 * stream ends when the token expires. Over HTTP (plain or server-sent events) a
 * subscription still goes through its access rules (a caller no rule admits gets
 * FORBIDDEN, as for any operation), and an admitted one gets BAD_REQUEST naming the
 * WebSocket endpoint; nothing is subscribed.
 */
@Component
class HttpSubscriptionRefusal implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest) {
			return chain.next(request);
		}
		return chain.next(request).map(response -> {
			if (!(response.getData() instanceof Publisher<?>)) {
				return response;
			}
			return response.transform(builder -> builder.data(null)
				.errors(List.of(GraphqlErrorBuilder.newError()
					.message("Subscriptions are served over WebSocket (graphql-ws) at /graphql-ws, not over HTTP")
					.errorType(ErrorType.BAD_REQUEST)
					.build())));
		});
	}

}
