package org.hromada.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on the loopback between the browser and the backend whose connections can
 * be cut, as a lost mobile or Wi-Fi link cuts them. DevTools' offline emulation does not
 * close an open WebSocket, so a test of "the socket is lost and comes back" needs the
 * connection really closed: {@link #cut()} closes every open connection and refuses new
 * ones until {@link #restore()}.
 */
public final class CuttableProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int target;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile boolean cut;

	private CuttableProxy(ServerSocket server, int target) {
		this.server = server;
		this.target = target;
	}

	/** Starts a proxy on a free loopback port to 127.0.0.1:targetPort. */
	public static CuttableProxy to(int targetPort) {
		try {
			CuttableProxy proxy = new CuttableProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
					targetPort);
			daemon("cuttable-proxy", proxy::accept);
			return proxy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/** Closes every open connection, and refuses new ones until restored. */
	public void cut() {
		this.cut = true;
		this.open.forEach(CuttableProxy::closeQuietly);
		this.open.clear();
	}

	public void restore() {
		this.cut = false;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.cut) {
					closeQuietly(client);
					continue;
				}
				Socket backend = new Socket(InetAddress.getLoopbackAddress(), this.target);
				this.open.add(client);
				this.open.add(backend);
				pump(client, backend);
				pump(backend, client);
			}
			catch (IOException ex) {
				// the server socket was closed, or the backend refused: the browser sees
				// a
				// closed connection, as it would
			}
		}
	}

	private void pump(Socket from, Socket to) {
		daemon("cuttable-proxy-pump", () -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// one side closed: close the other below
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.open.remove(from);
				this.open.remove(to);
			}
		});
	}

	private static void daemon(String name, Runnable work) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() {
		cut();
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
