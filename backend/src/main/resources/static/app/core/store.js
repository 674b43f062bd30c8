// The app's one IndexedDB database. What it keeps, and why it may keep it:
//   outbox  needs the volunteer saved and that are not recorded yet (their own data, until sent);
//   sent    what became of each sent need, without its contact, description or location;
//   meta    who is signed in (name and communities), so that an offline start can show the form.
// Signing out deletes the whole database.
import { openDB, deleteDB } from 'idb';

const NAME = 'hromada';

let db;

export function database() {
  if (!db) {
    db = openDB(NAME, 1, {
      upgrade(upgrading) {
        upgrading.createObjectStore('outbox', { keyPath: 'clientRequestId' });
        upgrading.createObjectStore('sent', { keyPath: 'clientRequestId' });
        upgrading.createObjectStore('meta');
      },
    });
  }
  return db;
}

export async function getMeta(key) {
  return (await database()).get('meta', key);
}

export async function setMeta(key, value) {
  return (await database()).put('meta', value, key);
}

/** Deletes every local record: IndexedDB, localStorage and sessionStorage. */
export async function wipeLocalData() {
  if (db) {
    (await db).close();
    db = undefined;
  }
  await deleteDB(NAME);
  localStorage.clear();
  sessionStorage.clear();
}
