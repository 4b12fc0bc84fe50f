/*
 * The notice board's service worker (scope /bang-tin/). Network first, always: a board online shows what
 * the server says now; when the network is down it answers from the copy it kept — the board page, its
 * script and style, and the notices' images — so a screen that reloads (power cut, a hand on F5) during
 * an outage still shows the last notices. The list itself is kept by board.js (localStorage).
 */
const CACHE = "dvc-bang-tin-v1";
const FILES = ["/bang-tin/board.js", "/bang-tin/board.css"];
const IMAGE = /^\/api\/notices\/[^/]+\/image$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // Only a good answer replaces the kept copy (a 404 or 503 during an outage must not erase it).
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request, { ignoreVary: true });
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const isBoard = url.pathname.startsWith("/bang-tin/") && url.search === "";
  if (!isBoard && !IMAGE.test(url.pathname)) return;
  event.respondWith(networkFirst(request));
});
