// The field app's service worker: keeps the app shell (files under /app/) and the WebJars it
// loads, so that the app starts without a connection. Each file is served from the cache at once
// and refreshed from the network behind it (stale-while-revalidate), so a new version shows on
// the next start. It never touches /graphql, the realm or any other origin: data is not cached
// here, and the cache holds no personal data.
const CACHE = 'hromada-app-shell-v1';

const KEPT = ['/app/', '/webjars/'];

function keyOf(url) {
  const parsed = new URL(url, self.location.origin);
  return parsed.origin === self.location.origin && KEPT.some((prefix) => parsed.pathname.startsWith(prefix))
    ? parsed.origin + parsed.pathname : null;
}

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(['/app/', '/app/config.json'])));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== CACHE) {
        await caches.delete(name);
      }
    }
    await self.clients.claim();
  })());
});

// The page sends the URLs it loaded before this worker controlled it.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'keep') {
    event.waitUntil(keep(event.data.urls));
  }
});

async function keep(urls) {
  const cache = await caches.open(CACHE);
  for (const url of urls) {
    const key = keyOf(url);
    if (key && !(await cache.match(key))) {
      try {
        const response = await fetch(key);
        if (response.ok) {
          await cache.put(key, response);
        }
      } catch (failure) {
        // offline again: kept at the next start
      }
    }
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  // Every page of the app is the one index.html (the sign-in redirect adds ?code=...).
  const key = request.mode === 'navigate' && new URL(request.url).pathname === '/app/'
    ? `${self.location.origin}/app/` : keyOf(request.url);
  if (!key) {
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(key);
    const fresh = fetch(request).then((response) => {
      if (response.ok && response.type === 'basic') {
        cache.put(key, response.clone());
      }
      return response;
    });
    if (cached) {
      event.waitUntil(fresh.catch(() => {}));
      return cached;
    }
    return fresh;
  })());
});
