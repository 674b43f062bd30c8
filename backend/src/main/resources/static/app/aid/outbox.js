// The outbox: a need is saved in IndexedDB first, with its clientRequestId made once, and sent
// with logAidRequests when there is a connection, in batches no larger than the server takes.
// An item leaves the outbox only when the server's answer for it has arrived, in the same
// IndexedDB transaction that keeps its result, so a tab closed or a phone restarted mid-send
// loses nothing; it is then sent again with the same clientRequestId, and the server answers
// "already recorded" instead of logging it twice. A refused item stays, marked, to fix or discard.
import { loadConfig } from '../core/config.js';
import { ApiError, NetworkError, NotSignedInError } from '../core/errors.js';
import { errorsByField, gql } from '../core/graphql.js';
import { database } from '../core/store.js';

const LOG_NEEDS = `mutation LogNeeds($input: LogAidRequestsInput!) {
  logAidRequests(input: $input) {
    results { index clientRequestId created aidRequest { id status } userErrors { path code message } }
    userErrors { path code message }
  }
}`;

// Paths of an item's errors start with input, items, its index.
const ITEM_PATH_PREFIX = 3;

const RETRY_MIN = 5000;
const RETRY_MAX = 60000;

export const outbox = { items: [], sent: [], sending: false, failure: null };

const listeners = new Set();
let retryDelay = RETRY_MIN;
let retryTimer;

export function onOutboxChange(listener) {
  listeners.add(listener);
}

function changed() {
  listeners.forEach((listener) => listener());
}

export async function loadOutbox() {
  const db = await database();
  outbox.items = (await db.getAll('outbox')).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
  outbox.sent = (await db.getAll('sent')).sort((a, b) => b.sentAt.localeCompare(a.sentAt));
  changed();
}

/** Saves a checked need (a LogAidRequestInput without its key) and tries to send it. */
export async function saveNeed(input) {
  const clientRequestId = crypto.randomUUID();
  const item = {
    clientRequestId,
    input: { ...input, clientRequestId },
    state: 'pending',
    errors: {},
    savedAt: new Date().toISOString(),
  };
  await (await database()).put('outbox', item);
  await loadOutbox();
  drain();
  return item;
}

export async function discard(clientRequestId) {
  await (await database()).delete('outbox', clientRequestId);
  await loadOutbox();
}

export async function clearSent() {
  await (await database()).clear('sent');
  await loadOutbox();
}

/** Sends what is pending, unless a send is already running (in this tab or another). */
export function drain() {
  if (outbox.sending) {
    return Promise.resolve();
  }
  if (navigator.locks) {
    return navigator.locks.request('hromada-outbox', { ifAvailable: true }, (lock) => (lock ? send() : undefined));
  }
  return send();
}

async function send() {
  outbox.sending = true;
  changed();
  try {
    const { maxBatchSize } = await loadConfig();
    for (;;) {
      const db = await database();
      const pending = (await db.getAll('outbox')).filter((item) => item.state === 'pending')
        .sort((a, b) => a.savedAt.localeCompare(b.savedAt));
      if (pending.length === 0) {
        break;
      }
      const batch = pending.slice(0, maxBatchSize);
      const data = await gql(LOG_NEEDS, { input: { items: batch.map((item) => item.input) } });
      await keepResults(batch, data.logAidRequests);
    }
    outbox.failure = null;
    retryDelay = RETRY_MIN;
  } catch (failure) {
    outbox.failure = failureKind(failure);
    if (failure instanceof NetworkError) {
      retryLater();
    }
  } finally {
    outbox.sending = false;
    await loadOutbox();
  }
}

async function keepResults(batch, payload) {
  const db = await database();
  const tx = db.transaction(['outbox', 'sent'], 'readwrite');
  if (payload.userErrors.length) {
    const errors = { '': payload.userErrors.map((error) => error.message).join(' ') };
    batch.forEach((item) => tx.objectStore('outbox').put({ ...item, state: 'refused', errors }));
  }
  for (const result of payload.results) {
    const item = batch[result.index];
    if (result.aidRequest) {
      // Recorded: the contact, description and location leave the phone; the title stays as the
      // receipt (titles name no people).
      tx.objectStore('outbox').delete(item.clientRequestId);
      tx.objectStore('sent').put({
        clientRequestId: item.clientRequestId,
        title: item.input.title,
        sector: item.input.sector,
        result: result.created ? 'recorded' : 'alreadyRecorded',
        aidRequestId: result.aidRequest.id,
        sentAt: new Date().toISOString(),
      });
    } else {
      tx.objectStore('outbox').put({ ...item, state: 'refused', errors: errorsByField(result.userErrors, ITEM_PATH_PREFIX) });
    }
  }
  await tx.done;
}

function failureKind(failure) {
  if (failure instanceof NetworkError) {
    return { kind: 'network' };
  }
  if (failure instanceof NotSignedInError) {
    return { kind: 'signin' };
  }
  return { kind: 'api', message: failure instanceof ApiError ? failure.message : String(failure) };
}

function retryLater() {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(drain, retryDelay);
  retryDelay = Math.min(RETRY_MAX, retryDelay * 2);
}

/** A connection is back: send now rather than at the next retry. */
export function connectionBack() {
  retryDelay = RETRY_MIN;
  clearTimeout(retryTimer);
  drain();
}
