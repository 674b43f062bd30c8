package org.hromada.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for servers a test starts in another process (Keycloak, the
 * application). They are chosen below the system's ephemeral range (32768 and up on
 * Linux): a port taken with {@code new ServerSocket(0)} comes from that range, and in the
 * seconds before the other process binds it, any outgoing connection of the test JVM may
 * be given the same port, so the server fails with "address already in use".
 */
public final class LoopbackPorts {

	private static final int LOWEST = 20000;

	private static final int BELOW_EPHEMERAL = 32000;

	private LoopbackPorts() {
	}

	/** The first of {@code count} adjacent free ports. */
	public static int free(int count) {
		for (int attempt = 0; attempt < 200; attempt++) {
			int first = ThreadLocalRandom.current().nextInt(LOWEST, BELOW_EPHEMERAL - count);
			if (allFree(first, count)) {
				return first;
			}
		}
		throw new IllegalStateException(
				"No " + count + " adjacent free loopback ports between " + LOWEST + " and " + BELOW_EPHEMERAL);
	}

	private static boolean allFree(int first, int count) {
		for (int port = first; port < first + count; port++) {
			try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				// free
			}
			catch (IOException ex) {
				return false;
			}
		}
		return true;
	}

}
