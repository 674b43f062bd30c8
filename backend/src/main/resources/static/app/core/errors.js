// The kinds of failure the app reacts to differently: no connection (keep the work, retry later),
// not signed in (sign in again), and an error the API reported (show it).

export class NetworkError extends Error {}

export class NotSignedInError extends Error {}

export class ApiError extends Error {
  constructor(error) {
    super(error.message);
    this.classification = error.extensions?.classification;
  }
}
