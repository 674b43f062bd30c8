// Live events over graphql-ws at /graphql-ws. The token goes in connection_init, never in the URL;
// graphql-ws asks for it again on every reconnect, so a refreshed token is used after expiry.
// A lost socket is retried 1, 2, 4 ... at most 30 seconds apart, and the state of the connection
// is told to whoever listens (onLiveChange), so that a screen can say live updates are paused.
import { createClient } from 'graphql-ws';
import { accessToken } from './auth.js';

const MAX_WAIT_MS = 30000;

let client;
let active = 0;
const listeners = new Set();
const connection = { state: 'idle', retryInMs: 0 };

function tell(state, retryInMs = 0) {
  connection.state = state;
  connection.retryInMs = retryInMs;
  listeners.forEach((listener) => listener({ ...connection }));
}

/** The connection's state: idle, connecting, connected, or reconnecting (with retryInMs). */
export function liveState() {
  return { ...connection };
}

/** Calls listener with the new state each time it changes; returns the function that stops it. */
export function onLiveChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const HANDSHAKE_TIMEOUT_MS = 10000;

let handshakeTimer;

function socket() {
  if (!client) {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql-ws`;
    let wasConnected = false;
    client = createClient({
      url,
      lazy: true,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      retryWait: (retries) => {
        const wait = Math.min(MAX_WAIT_MS, 1000 * 2 ** retries);
        tell('reconnecting', wait);
        return new Promise((resolve) => { setTimeout(resolve, wait); });
      },
      connectionParams: async () => ({ Authorization: `Bearer ${await accessToken()}` }),
      // A server that opened the socket but never acknowledges it counts as lost.
      connectionAckWaitTimeout: HANDSHAKE_TIMEOUT_MS,
      on: {
        connecting: () => {
          tell(wasConnected ? 'reconnecting' : 'connecting');
          // A half-open link can leave the socket's opening handshake pending for minutes
          // (graphql-ws waits for it without limit): give up on it and let the back-off retry.
          clearTimeout(handshakeTimer);
          handshakeTimer = setTimeout(() => client?.terminate(), HANDSHAKE_TIMEOUT_MS);
        },
        opened: () => clearTimeout(handshakeTimer),
        connected: () => {
          const again = wasConnected;
          wasConnected = true;
          tell('connected');
          // What happened while the socket was down is not replayed: listeners catch up.
          if (again) {
            listeners.forEach((listener) => listener({ ...connection, reconnected: true }));
          }
        },
        closed: () => {
          // With no subscription left the lazy client closes on purpose: nothing to retry.
          if (client && wasConnected) {
            tell(active > 0 ? 'reconnecting' : 'idle');
          }
        },
      },
    });
  }
  return client;
}

/** Calls onData for each event of the subscription; returns the function that ends it. */
export function subscribe(query, variables, onData) {
  active += 1;
  const end = socket().subscribe({ query, variables }, {
    next: (message) => message.data && onData(message.data),
    error: () => {},
    complete: () => {},
  });
  let ended = false;
  return () => {
    if (!ended) {
      ended = true;
      active -= 1;
      end();
    }
  };
}

export function closeLive() {
  const closing = client;
  client = undefined;
  closing?.dispose();
  tell('idle');
}
