// Sign-in with Keycloak: authorization code flow with PKCE (S256) through the realm's public
// client. Tokens live in this module's memory only (never in storage, where a script injected
// later could read them) and are refreshed before they expire. A reload loses them; the app then
// signs in again silently (prompt=none) while Keycloak's session lasts.
import { loadConfig } from './config.js';
import { NetworkError, NotSignedInError } from './errors.js';
import { wipeLocalData } from './store.js';

// Survives the redirect to Keycloak and back, and is removed at once: the verifier and state only.
const PENDING = 'hromada.signin';

let tokens = null;
let refreshing = null;
let refreshTimer;
const listeners = new Set();

export function onAuthChange(listener) {
  listeners.add(listener);
}

function changed() {
  listeners.forEach((listener) => listener());
}

export function signedIn() {
  return tokens !== null;
}

/** The access token's claims: sub, preferred_username, name, communities, realm_access.roles. */
export function claims() {
  if (!tokens) {
    return null;
  }
  const payload = tokens.access.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
}

function endpoint(config, name) {
  return `${config.issuer}/protocol/openid-connect/${name}`;
}

function redirectUri() {
  return `${location.origin}/app/`;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** Goes to Keycloak's login page (or, silent, back at once when its session is still open). */
export async function signIn({ silent = false, locale } = {}) {
  const config = await loadConfig();
  const verifier = randomText();
  const state = randomText();
  const challenge = base64url(new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, silent, route: location.hash }));
  const params = new URLSearchParams({
    client_id: config.clientId,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: redirectUri(),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  if (silent) {
    params.set('prompt', 'none');
  }
  if (locale) {
    params.set('ui_locales', locale);
  }
  location.assign(`${endpoint(config, 'auth')}?${params}`);
}

/**
 * On the way back from Keycloak: exchanges the code for tokens. Returns 'signed-in', 'refused'
 * (Keycloak answered with an error, for a silent sign-in: no session) or 'none' (no answer here).
 */
export async function completeSignIn() {
  const url = new URL(location.href);
  const code = url.searchParams.get('code');
  const error = url.searchParams.get('error');
  if (!code && !error) {
    return 'none';
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `/app/${pending?.route ?? ''}`);
  if (!pending || pending.state !== url.searchParams.get('state')) {
    return 'none';
  }
  if (error) {
    return 'refused';
  }
  const config = await loadConfig();
  await tokenRequest(config, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
  return 'signed-in';
}

async function tokenRequest(config, form) {
  let response;
  try {
    response = await fetch(endpoint(config, 'token'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: config.clientId, ...form }),
    });
  } catch (failure) {
    throw new NetworkError(failure.message);
  }
  if (!response.ok) {
    forget();
    throw new NotSignedInError(`Keycloak refused the ${form.grant_type} grant (HTTP ${response.status})`);
  }
  const body = await response.json();
  const now = Date.now();
  tokens = {
    access: body.access_token,
    refresh: body.refresh_token,
    idToken: body.id_token ?? tokens?.idToken,
    accessExpiresAt: now + body.expires_in * 1000,
  };
  clearTimeout(refreshTimer);
  // A minute early, so that a request started just before expiry still carries a valid token.
  refreshTimer = setTimeout(() => refresh().catch(() => {}), Math.max(5000, body.expires_in * 1000 - 60000));
  changed();
}

async function refresh() {
  if (!tokens) {
    throw new NotSignedInError('Not signed in');
  }
  if (!refreshing) {
    const config = await loadConfig();
    refreshing = tokenRequest(config, { grant_type: 'refresh_token', refresh_token: tokens.refresh })
      .finally(() => { refreshing = null; });
  }
  return refreshing;
}

/** A valid access token, refreshed when it is about to expire. */
export async function accessToken() {
  if (!tokens) {
    throw new NotSignedInError('Not signed in');
  }
  if (Date.now() > tokens.accessExpiresAt - 15000) {
    await refresh();
  }
  return tokens.access;
}

function forget() {
  tokens = null;
  clearTimeout(refreshTimer);
  changed();
}

/** Wipes the app's local data and ends the Keycloak session (when there is a connection). */
export async function signOut() {
  const config = await loadConfig();
  const idToken = tokens?.idToken;
  forget();
  await wipeLocalData();
  const params = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() });
  if (idToken) {
    params.set('id_token_hint', idToken);
  }
  if (navigator.onLine) {
    location.assign(`${endpoint(config, 'logout')}?${params}`);
  }
}
