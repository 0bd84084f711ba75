// The system clipboard in text fields (issue 7): Ctrl+V pastes Cyrillic text into the login
// screen's fields and the teacher's topic and homework fields, Ctrl+A, Ctrl+C copy a field's
// text out (never a password's), and a phone's «Вставить» (a paste event on the focused
// hidden input, with no key pressed) fills a field too. Chromium with clipboard permissions.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as h from './harness.mjs';

const PARENT_PASSWORD = 'Ромашка-Весна-2026';
const TOPIC = 'Дроби: «сложение» и вычитание — № 5';
const HOMEWORK = 'Учебник, стр. 112, № 3–5; выучить правило «дробь»';
const DESKTOP = { viewport: { width: 1366, height: 768 } };
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

let server;
let browser;

before(async () => {
  [server, browser] = await Promise.all([h.startServer(), h.launchBrowser()]);
  await h.setPassword(server, 'roditel', PARENT_PASSWORD);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(options) {
  const opened = await h.openClient(browser, server, options);
  await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  return opened;
}

async function focus(page, label, options = {}) {
  await h.click(page, label, { kind: 'input', ...options });
  await h.waitForWidget(page, label, { kind: 'input', test: (w) => w.focused });
}

// Puts text on the system clipboard and presses Ctrl+V in the focused field.
async function pasteKeys(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

// Ctrl+A, Ctrl+C in the focused field; the clipboard is set to `marker` first.
async function copyAll(page, marker) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), marker);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
}

// The server's database, read with Debian's sqlite3 (WAL: reading beside the server is fine).
function sql(query) {
  return execFileSync('sqlite3', [path.join(server.dir, 'ej.db'), query], { encoding: 'utf8' }).trim();
}
const quoted = (s) => `'${s.replaceAll("'", "''")}'`;

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

test('Ctrl+V pastes the login and a Cyrillic password; Ctrl+C copies the login out but never the password', async () => {
  const { context, page, messages } = await open(DESKTOP);
  await focus(page, 'Логин');
  await pasteKeys(page, 'roditel');
  await h.waitForWidget(page, 'Логин', { kind: 'input', test: (w) => w.value === 'roditel' });
  await copyAll(page, 'пусто');
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t === 'roditel'));

  await focus(page, 'Пароль');
  await pasteKeys(page, PARENT_PASSWORD);
  await h.waitForWidget(page, 'Пароль', { kind: 'input', test: (w) => w.value === '•••' });
  await copyAll(page, 'пусто');
  await page.waitForTimeout(300);
  assert.equal(await clipboard(page), 'пусто', 'a password is never copied out');
  await h.screenshot(page, 'clipboard-login');

  // The pasted password is the right one: the parent is let in.
  await h.click(page, 'Войти', { kind: 'button' });
  await h.waitForWidget(page, 'Неделя', { kind: 'tab', test: (w) => w.selected });
  assert.deepEqual(messages.filter((m) => m.startsWith('pageerror')), []);
  await context.close();
});

test('a teacher pastes a Cyrillic topic and homework, copies the topic out, and the server keeps them as pasted', async () => {
  const { context, page, messages } = await open(DESKTOP);
  await h.logIn(page, 'uchitel');
  await h.waitForWidget(page, 'Ученик');
  // The last lesson held so far (an older one would ask for a reason for the change).
  const now = new Date();
  const order = (month) => (month >= 9 ? month - 9 : month + 3);
  const held = (await h.widgets(page)).filter((w) => {
    if (w.kind !== 'header' || !/^\d\d\.\d\d$/.test(w.label)) return false;
    const [d, m] = w.label.split('.').map(Number);
    return order(m) < order(now.getMonth() + 1) || (m === now.getMonth() + 1 && d <= now.getDate());
  });
  assert.ok(held.length > 0, 'no held lesson on screen');
  const day = held[held.length - 1].label;
  await h.click(page, day, { kind: 'header' });
  await h.waitForWidget(page, 'Тема', { kind: 'input' });

  // The fields may hold the demo's text: Ctrl+A, then the paste replaces it.
  await focus(page, 'Тема');
  await page.keyboard.press('Control+A');
  await pasteKeys(page, TOPIC);
  await h.waitForWidget(page, 'Тема', { kind: 'input', test: (w) => w.value === TOPIC });
  await focus(page, 'Домашнее задание');
  await page.keyboard.press('Control+A');
  await pasteKeys(page, HOMEWORK);
  await h.waitForWidget(page, 'Домашнее задание', { kind: 'input', test: (w) => w.value === HOMEWORK });

  await focus(page, 'Тема');
  await copyAll(page, 'пусто');
  await page.waitForFunction((t) => navigator.clipboard.readText().then((v) => v === t), TOPIC);
  await page.keyboard.press('End');
  await h.screenshot(page, 'clipboard-lesson');
  await h.click(page, 'Сохранить урок', { kind: 'button' });
  // The server has both texts exactly as pasted.
  const saved = `SELECT COUNT(*) FROM lessons WHERE topic = ${quoted(TOPIC)} AND homework = ${quoted(HOMEWORK)}`;
  for (let i = 0; i < 100 && sql(saved) !== '1'; ++i) await page.waitForTimeout(100);
  assert.equal(sql(saved), '1');

  // After a reload the lesson shows exactly what was pasted.
  // The reload may come before the client had the server's answer: the two entries go again
  // (the same op_ids) while the device's copy is on screen, and a click on it is never lost.
  await page.reload();
  await h.waitForWidget(page, 'Ученик');
  await h.click(page, day, { kind: 'header' });
  await h.waitForWidget(page, 'Тема', { kind: 'input', test: (w) => w.value === TOPIC });
  await h.waitForWidget(page, 'Домашнее задание', { kind: 'input', test: (w) => w.value === HOMEWORK });
  assert.deepEqual(messages.filter((m) => m.startsWith('pageerror')), []);
  await context.close();
});

test('on a phone, «Вставить» from the field\'s menu (a paste event, no key) fills the login and the password', async () => {
  const { context, page, messages } = await open(PHONE);
  // What a phone's paste menu delivers: a paste event on the focused (hidden) input.
  const menuPaste = (text) => page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await focus(page, 'Логин', { touch: true });
  await menuPaste('roditel');
  await h.waitForWidget(page, 'Логин', { kind: 'input', test: (w) => w.value === 'roditel' });
  await focus(page, 'Пароль', { touch: true });
  await menuPaste(PARENT_PASSWORD);
  await h.waitForWidget(page, 'Пароль', { kind: 'input', test: (w) => w.value === '•••' });
  await h.screenshot(page, 'clipboard-phone-login');
  await h.click(page, 'Войти', { kind: 'button', touch: true });
  await h.waitForWidget(page, 'Неделя', { kind: 'tab', test: (w) => w.selected });
  assert.deepEqual(messages.filter((m) => m.startsWith('pageerror')), []);
  await context.close();
});
