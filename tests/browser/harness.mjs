// Shared helpers for the browser tests (node --test tests/browser/): a real ejournal server on
// a free port with a fresh demo school, Debian's Chromium driven by playwright-core, and the
// client's test seam (window.__ejWidgets, the console marker EJ_READY; see wasm/README.md).
//
// Paths can be overridden: EJ_SERVER_BIN (the server binary), EJ_CLIENT_DIR (the built
// client), EJ_PUBLIC_DIR (static files), EJ_CHROMIUM (the browser). Screenshots go to
// test-artifacts/browser/ (git-ignored).
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER_BIN = process.env.EJ_SERVER_BIN || path.join(ROOT, 'build/native/server/ejournal-server');
export const CLIENT_DIR = process.env.EJ_CLIENT_DIR || path.join(ROOT, 'build/wasm/client');
export const PUBLIC_DIR = process.env.EJ_PUBLIC_DIR || path.join(ROOT, 'public');
export const CHROMIUM = process.env.EJ_CHROMIUM || '/usr/bin/chromium';
export const ARTIFACTS = path.join(ROOT, 'test-artifacts/browser');
export const DEMO_PASSWORD = 'demo2026';

// Flags measured to work in a container (see /work/shared/STACK.md). Never add
// --disable-software-rasterizer: it removes WebGL.
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- The server ----

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Starts `ejournal-server serve` on a free port with a new demo school in a temp dir and waits
// until /api/v1/health answers. Returns {url, port, dir, log(), stop()}.
export async function startServer() {
  for (const [what, p] of [['server binary (EJ_SERVER_BIN)', SERVER_BIN], ['client (EJ_CLIENT_DIR)', path.join(CLIENT_DIR, 'index.html')]]) {
    if (!fs.existsSync(p)) throw new Error(`no ${what} at ${p}: build first (scripts/build)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ej-browser-'));
  const db = path.join(dir, 'ej.db');
  await promisify(execFile)(SERVER_BIN, ['demo', '--db', db]);
  const port = await freePort();
  const child = spawn(SERVER_BIN, ['serve', '--db', db, '--port', String(port),
    '--client', CLIENT_DIR, '--public', PUBLIC_DIR], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  let exited = false;
  const exit = new Promise((resolve) => child.on('exit', () => { exited = true; resolve(); }));
  const url = `http://127.0.0.1:${port}`;
  const server = {
    url, port, dir,
    log: () => output,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exit;
        clearTimeout(killer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 15000;
  for (;;) {
    if (exited) throw new Error(`the server stopped:\n${output}`);
    try {
      const r = await fetch(`${url}/api/v1/health`);
      if (r.ok) return server;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`the server did not answer /api/v1/health in 15 s:\n${output}`);
    }
    await sleep(50);
  }
}

// Sets an account's password with the server's own command (`ejournal-server user passwd`
// reads it from its standard input), as a school's administrator would.
export function setPassword(server, login, password) {
  return new Promise((resolve, reject) => {
    const child = execFile(SERVER_BIN, ['user', 'passwd', '--db', path.join(server.dir, 'ej.db'), '--login', login],
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)));
    child.stdin.end(`${password}\n`);
  });
}

// Logs in through the API from node (not the browser): gives {status, body}, body being the
// LoginResponse {token, user: {id, name, roles}} or the error.
export async function apiLogin(server, login, password = DEMO_PASSWORD) {
  const r = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  return { status: r.status, body: await r.json() };
}

// ---- The browser ----

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

// Opens the client with ?test=1 in a new context (its own cookies) and waits for EJ_READY.
// options: viewport {width, height}, deviceScaleFactor, isMobile, hasTouch, path.
// Returns {context, page, messages}: messages collects the console and page errors.
export async function openClient(browser, server, options = {}) {
  const { path: pagePath = '/?test=1', ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  const ready = page.waitForEvent('console', { predicate: (m) => m.text() === 'EJ_READY', timeout: 20000 });
  await page.goto(server.url + pagePath);
  try {
    await ready;
  } catch (e) {
    throw new Error(`no EJ_READY from the client: ${e.message}\n${messages.join('\n')}`);
  }
  return { context, page, messages };
}

// ---- The test seam ----

export function widgets(page) {
  return page.evaluate(() => window.__ejWidgets || []);
}

export async function findWidget(page, label, kind) {
  return (await widgets(page)).find((w) => w.label === label && (!kind || w.kind === kind));
}

// Waits until a widget with this label (and kind) is drawn and `test(widget)` holds.
export async function waitForWidget(page, label, { kind, test, timeout = 10000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const w = await findWidget(page, label, kind);
    if (w && (!test || test(w))) return w;
    if (Date.now() > deadline) {
      const seen = (await widgets(page)).map((x) => `${x.kind} «${x.label}» ${JSON.stringify(x.value)}`);
      const found = w ? `; found it as ${JSON.stringify({ value: w.value, selected: w.selected, enabled: w.enabled })}` : '; not drawn';
      throw new Error(`no widget «${label}»${kind ? ` (${kind})` : ''} as expected in ${timeout} ms${found}; drawn:\n${seen.join('\n')}`);
    }
    await sleep(25);
  }
}

function centre(w) {
  return { x: w.x + w.w / 2, y: w.y + w.h / 2 };
}

// Scrolls the page's scroll area (the mouse wheel over it, as a user would) until the widget
// is wholly visible; returns the widget as drawn then.
export async function scrollIntoView(page, label, { kind, test } = {}) {
  let w = await waitForWidget(page, label, { kind, test });
  const { width, height } = page.viewportSize();
  for (let i = 0; i < 40 && !w.visible; ++i) {
    const centreY = w.y + w.h / 2;
    if (centreY > 0 && centreY < height && (w.x < 0 || w.x + w.w > width)) {
      // In view vertically, not sideways (a row of tabs): the wheel over the row moves it.
      const distance = w.x < 0 ? w.x - 8 : w.x + w.w - width + 8;
      await page.mouse.move(Math.min(Math.max(w.x + w.w / 2, 4), width - 4), centreY);
      await page.mouse.wheel(0, Math.sign(distance) * Math.min(Math.abs(distance) * 100 / 60, 300));
    } else {
      const middle = height / 2;
      const distance = centreY - middle;
      await page.mouse.move(Math.max(w.x + 4, 1), middle);
      await page.mouse.wheel(0, Math.sign(distance) * Math.min(Math.abs(distance), 300));
    }
    await sleep(60);
    w = await waitForWidget(page, label, { kind, test });
  }
  if (!w.visible) throw new Error(`«${label}» stays out of view`);
  return w;
}

// Clicks (or, with {touch: true}, taps) the centre of a widget's recorded rectangle, scrolling
// it into view first.
export async function click(page, label, { kind, touch = false, test } = {}) {
  const enabled = (x) => x.enabled && (!test || test(x));
  let w = await waitForWidget(page, label, { kind, test: enabled });
  if (!w.visible) w = await scrollIntoView(page, label, { kind, test: enabled });
  const { x, y } = centre(w);
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
  return w;
}

// Types into a field: clicks it, waits until it is the one being edited, then inserts the
// text as a keyboard would (CDP Input.insertText reaches the hidden input; Cyrillic works).
export async function fill(page, label, text, { touch = false } = {}) {
  await click(page, label, { kind: 'input', touch });
  await waitForWidget(page, label, { kind: 'input', test: (w) => w.focused });
  await page.keyboard.insertText(text);
  return waitForWidget(page, label, {
    kind: 'input',
    test: (w) => (w.password ? w.value === '•••' : w.value.endsWith(text)),
  });
}

// Opens a drop-down and picks the first option for which `test(option)` holds (an option's
// label is its text, its value the grey detail), scrolling the list with the wheel if the
// option is further down. Returns the option's label.
export async function choose(page, combo, test) {
  await click(page, combo, { kind: 'combo' });
  await waitForWidget(page, combo, { kind: 'combo', test: (w) => w.focused });
  for (let i = 0; i < 40; ++i) {
    const options = (await widgets(page)).filter((w) => w.kind === 'option');
    const wanted = options.find(test);
    if (wanted && wanted.visible) {
      const { x, y } = centre(wanted);
      await page.mouse.click(x, y);
      // Closed with the choice (the value alone may already have been the chosen one: a click
      // sent while the list is still open would only close it).
      await waitForWidget(page, combo, { kind: 'combo', test: (w) => w.value === wanted.label && !w.focused });
      return wanted.label;
    }
    const shown = options.filter((w) => w.visible);
    if (!shown.length) break;
    const last = shown[shown.length - 1];
    await page.mouse.move(last.x + last.w / 2, last.y);
    await page.mouse.wheel(0, 200);
    await sleep(60);
  }
  throw new Error(`no option as wanted in «${combo}»`);
}

// Drags a finger across the page (CDP touch events), e.g. to scroll on a phone.
export async function swipe(page, from, to, steps = 8) {
  const cdp = await page.context().newCDPSession(page);
  const at = (t) => [{ x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let i = 1; i <= steps; ++i) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i / steps) });
    await sleep(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

export async function press(page, key) {
  await page.keyboard.press(key);
}

// The login form: types the login and the password and presses Enter (the demo password unless
// another is given). Waits for nothing: the test waits for what it expects next.
export async function logIn(page, login, password = DEMO_PASSWORD) {
  await fill(page, 'Логин', login);
  await fill(page, 'Пароль', password);
  await press(page, 'Enter');
}

export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
