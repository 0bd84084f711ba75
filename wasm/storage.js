// --pre-js: the device's storage for the local store (web/local_store.h) in IndexedDB.
// Database "ejournal", object store "kv": key → text. Before main() runs, every record is read
// into Module.ejStore (a Map), so the C++ side reads synchronously (wasm/storage_idb.cpp);
// writes update the Map at once and go to IndexedDB in order (one readwrite transaction each,
// which IndexedDB runs in the order they were made). Without IndexedDB (a private window that
// refuses it) the Map alone works for the session.
(function () {
  var DB_NAME = 'ejournal';
  var STORE = 'kv';
  Module.ejStore = new Map();
  Module.ejDb = null;
  Module.ejStorePending = 0;
  if (!Module['preRun']) Module['preRun'] = [];
  if (typeof Module['preRun'] === 'function') Module['preRun'] = [Module['preRun']];
  Module['preRun'].push(function () {
    if (typeof indexedDB === 'undefined') return;
    addRunDependency('ej-store');
    var finished = false;
    function finish() {
      if (finished) return;
      finished = true;
      removeRunDependency('ej-store');
    }
    try {
      var open = indexedDB.open(DB_NAME, 1);
      open.onupgradeneeded = function () { open.result.createObjectStore(STORE); };
      open.onerror = finish;
      open.onblocked = finish;
      open.onsuccess = function () {
        var db = open.result;
        Module.ejDb = db;
        var cursor = db.transaction(STORE, 'readonly').objectStore(STORE).openCursor();
        cursor.onsuccess = function () {
          var c = cursor.result;
          if (c) {
            Module.ejStore.set(String(c.key), String(c.value));
            c.continue();
          } else {
            finish();
          }
        };
        cursor.onerror = finish;
      };
    } catch (e) {
      finish();
    }
  });
  // value null: remove the key.
  Module.ejStoreWrite = function (key, value) {
    if (value === null) Module.ejStore.delete(key); else Module.ejStore.set(key, value);
    if (!Module.ejDb) return;
    try {
      var tx = Module.ejDb.transaction(STORE, 'readwrite');
      var store = tx.objectStore(STORE);
      if (value === null) store.delete(key); else store.put(value, key);
      Module.ejStorePending++;
      tx.oncomplete = tx.onerror = tx.onabort = function () { Module.ejStorePending--; };
    } catch (e) {
      console.error('IndexedDB: ' + e);
    }
  };
  // The printable lesson sheet: a new window with the page; the browser's print dialog.
  Module.ejPrint = function (html, print) {
    var w = window.open('', '_blank');
    if (!w) {
      // A blocked pop-up: the page as a file the browser opens or saves.
      var url = URL.createObjectURL(new Blob([html], {type: 'text/html;charset=utf-8'}));
      var a = document.createElement('a');
      a.href = url;
      a.download = 'list-uroka.html';
      document.body.appendChild(a);
      a.click();
      a.remove();
      return;
    }
    w.document.open();
    w.document.write(html);
    w.document.close();
    if (print) setTimeout(function () { w.focus(); w.print(); }, 300);
  };
})();
