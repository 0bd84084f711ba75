// The service worker's version is the build's hash (wasm/service_worker.cmake): the built sw.js
// names the SHA-256 over the shell's files, and a changed wasm gives another version, hence a new
// service worker that the browser installs on the next online start (and a new cache). No browser
// needed: the script that writes sw.js is run on a copy of the client with one byte changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as h from './harness.mjs';

const FILES = ['index.html', 'ejournal.js', 'ejournal.wasm', 'ejournal.data'];

function expectedVersion(dir) {
  let all = '';
  for (const f of FILES) {
    all += `${f}:${crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')};`;
  }
  return crypto.createHash('sha256').update(all).digest('hex').slice(0, 16);
}

function versionOf(dir) {
  const m = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/const VERSION = '([0-9a-f]{16})';/);
  assert.ok(m, 'sw.js names its version');
  return m[1];
}

test('the service worker is versioned by the hash of the built shell, and a new build is a new version', () => {
  assert.equal(versionOf(h.CLIENT_DIR), expectedVersion(h.CLIENT_DIR));
  const sw = fs.readFileSync(path.join(h.CLIENT_DIR, 'sw.js'), 'utf8');
  for (const f of ['ejournal.js', 'ejournal.wasm', 'ejournal.data']) assert.ok(sw.includes(`'${f}'`), `${f} is cached`);
  assert.ok(sw.includes("startsWith('/api/')"), 'the API is never cached');

  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ej-sw-'));
  try {
    for (const f of FILES) fs.copyFileSync(path.join(h.CLIENT_DIR, f), path.join(copy, f));
    const wasm = fs.readFileSync(path.join(copy, 'ejournal.wasm'));
    wasm[wasm.length - 1] ^= 0xff;  // "a new build"
    fs.writeFileSync(path.join(copy, 'ejournal.wasm'), wasm);
    execFileSync('cmake', [`-DCLIENT_DIR=${copy}`, `-DTEMPLATE=${path.join(h.ROOT, 'wasm/service_worker.js')}`,
      '-P', path.join(h.ROOT, 'wasm/service_worker.cmake')]);
    assert.equal(versionOf(copy), expectedVersion(copy));
    assert.notEqual(versionOf(copy), versionOf(h.CLIENT_DIR));
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
