package org.hromada.support;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;

import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

/**
 * Clients of GraphQL over WebSocket (graphql-ws at /graphql-ws), as an app connects: the
 * access token in the connection_init payload.
 */
public final class GraphQlSockets {

	private GraphQlSockets() {
	}

	public static URI uri(int port) {
		return URI.create("ws://localhost:" + port + "/graphql-ws");
	}

	/**
	 * A client that sends {"Authorization": "Bearer <token>"} in connection_init; it
	 * connects on first use. Stop it with {@code client.stop().block()}.
	 */
	public static WebSocketGraphQlClient client(int port, String token) {
		return WebSocketGraphQlClient.builder(uri(port), new StandardWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}
			})
			.build();
	}

	/**
	 * Opens a socket, sends connection_init with the payload, and returns what the server
	 * answered until it closed the socket.
	 */
	public static Refusal connectionInit(int port, Object payloadJson) {
		Refusal refusal = attemptConnectionInit(port, payloadJson);
		// 1006 is never sent by a server: the client reports it when the connection ended
		// without a close frame reaching it (the server's close and the TCP shutdown
		// racing on
		// loopback). Try again, a bounded number of times; a server that really sends no
		// close frame still fails the caller's assertion.
		for (int attempt = 1; attempt < 3 && refusal.status() != null
				&& refusal.status().getCode() == CloseStatus.NO_CLOSE_FRAME.getCode(); attempt++) {
			refusal = attemptConnectionInit(port, payloadJson);
		}
		return refusal;
	}

	private static Refusal attemptConnectionInit(int port, Object payloadJson) {
		Queue<String> received = new ConcurrentLinkedQueue<>();
		AtomicReference<CloseStatus> status = new AtomicReference<>();
		String init = "{\"type\":\"connection_init\",\"payload\":" + payloadJson + "}";
		new StandardWebSocketClient().execute(uri(port), new WebSocketHandler() {
			@Override
			public List<String> getSubProtocols() {
				return List.of("graphql-transport-ws");
			}

			@Override
			public Mono<Void> handle(WebSocketSession session) {
				session.receive().map(WebSocketMessage::getPayloadAsText).subscribe(received::add);
				return session.send(Mono.just(session.textMessage(init)))
					.then(session.closeStatus())
					.doOnNext(status::set)
					.then();
			}
		}).block(Duration.ofSeconds(20));
		return new Refusal(status.get(), List.copyOf(received));
	}

	/** How the server ended a connection, and the messages it sent before. */
	public record Refusal(CloseStatus status, List<String> messages) {

	}

}
