// The service worker (offline work, R6), generated into build/wasm/client/sw.js with the build's
// hash (wasm/service_worker.cmake): it keeps the app shell (the page, the loader, the wasm, the
// fonts' data file, the icon) in a cache named by that hash, so the app opens with no network
// once it has been opened online. A new build has a new hash, hence a new sw.js: the browser
// installs it on the next online start, it fills its own cache, takes over and drops the old
// caches. The API is never cached; the outbox lives in IndexedDB and no cache change touches it.
'use strict';
const VERSION = '@EJ_BUILD_HASH@';
const CACHE = 'ej-shell-' + VERSION;
const SHELL = ['./', 'ejournal.js', 'ejournal.wasm', 'ejournal.data'];
const OPTIONAL = ['favicon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(SHELL.map((url) => new Request(url, {cache: 'reload'})));
    for (const url of OPTIONAL) {
      try { await cache.add(new Request(url, {cache: 'reload'})); } catch (e) { /* not served: fine */ }
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('ej-shell-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // The page is asked for as "/", "/index.html" or "/?test=1": all are the cached page.
    const key = request.mode === 'navigate' || url.pathname.endsWith('/index.html') ? './' : request;
    const hit = await cache.match(key, {ignoreSearch: true});
    if (hit) return hit;
    return fetch(request);
  })());
});
