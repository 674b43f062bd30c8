// Calls /graphql with the signed-in user's access token; failures are one of the kinds of errors.js.
import { accessToken } from './auth.js';
import { ApiError, NetworkError, NotSignedInError } from './errors.js';

export async function gql(query, variables = {}) {
  const token = await accessToken();
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      cache: 'no-store',
    });
  } catch (failure) {
    throw new NetworkError(failure.message);
  }
  if (response.status === 401) {
    throw new NotSignedInError('The API refused the token');
  }
  let body;
  try {
    body = await response.json();
  } catch (failure) {
    // A proxy's error page, or a response cut short: the request may or may not have been applied.
    throw new NetworkError(`Unreadable response (HTTP ${response.status})`);
  }
  if (body.errors?.length) {
    throw new ApiError(body.errors[0]);
  }
  return body.data;
}

/** The user errors of a payload by field: the path without its input prefix, joined by dots. */
export function errorsByField(userErrors, prefixLength = 1) {
  const errors = {};
  for (const error of userErrors ?? []) {
    const path = error.path.slice(prefixLength).join('.');
    errors[path] = errors[path] ? `${errors[path]} ${error.message}` : error.message;
  }
  return errors;
}
