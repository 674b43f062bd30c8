// Live events over graphql-ws at /graphql-ws. The token goes in connection_init, never in the URL;
// graphql-ws asks for it again on every reconnect, so a refreshed token is used after expiry.
import { createClient } from 'graphql-ws';
import { accessToken } from './auth.js';

let client;

function socket() {
  if (!client) {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql-ws`;
    client = createClient({
      url,
      lazy: true,
      retryAttempts: Infinity,
      shouldRetry: () => true,
      connectionParams: async () => ({ Authorization: `Bearer ${await accessToken()}` }),
    });
  }
  return client;
}

/** Calls onData for each event of the subscription; returns the function that ends it. */
export function subscribe(query, variables, onData) {
  return socket().subscribe({ query, variables }, {
    next: (message) => message.data && onData(message.data),
    error: () => {},
    complete: () => {},
  });
}

export function closeLive() {
  client?.dispose();
  client = undefined;
}
