// Offline work (issue 6, R6) in a real browser against the real server with the demo school.
// A teacher logs in online, the network goes (the context's offline mode), she enters 20 marks,
// 2 absences and a topic; a reload with no network opens the app (service worker) and the
// entries (IndexedDB); so does a browser restart with the same profile; back online, everything
// reaches the server exactly once. Two edits of the same cell, one made offline: the conflict is
// shown with both values, the teacher keeps hers, and both values are in the operation log.
// The lesson sheet is made with no network. A start with no network (a shared computer) asks for
// the teacher's password, checked in the browser against a PBKDF2 verifier (WebCrypto) kept at the
// online login, never the password: a wrong one opens nothing. Screenshots: offline-badge-online,
// offline-badge-offline, offline-lesson-sheet, offline-unlock, offline-reloaded, offline-conflict,
// offline-synced.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import * as h from './harness.mjs';

let server;
let browser;

before(async () => {
  [server, browser] = await Promise.all([h.startServer(), h.launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The server's database, read with Debian's sqlite3 (WAL: reading beside the server is fine).
function sql(query) {
  return execFileSync('sqlite3', [path.join(server.dir, 'ej.db'), query], { encoding: 'utf8' }).trim();
}

// Lesson columns on screen that have already taken place ("dd.mm" ≤ today), latest last.
async function heldColumns(page) {
  const now = new Date();
  const order = (month) => (month >= 9 ? month - 9 : month + 3);
  const headers = (await h.widgets(page)).filter((w) => w.kind === 'header' && /^\d\d\.\d\d$/.test(w.label));
  return headers.filter((w) => {
    const [d, m] = w.label.split('.').map(Number);
    return order(m) < order(now.getMonth() + 1) || (m === now.getMonth() + 1 && d <= now.getDate());
  }).map((w) => w.label);
}

// Every IndexedDB write of the local store has completed.
async function storeSettled(page) {
  await page.waitForFunction(() => window.Module && Module.ejStorePending === 0, null, { timeout: 10000 });
}

// A start with no network asks for the last teacher's password (the login is filled in) and
// shows no journal before it; with `shot`, a wrong password first: an error, still nothing open.
async function unlockOffline(page, shot) {
  await h.waitForWidget(page, 'Пароль', { kind: 'input', timeout: 20000 });
  let all = await h.widgets(page);
  assert.ok(all.some((w) => w.label.startsWith('Нет связи с сервером. Журнал, сохранённый на этом устройстве')), 'the offline notice');
  assert.ok(!all.some((w) => w.kind === 'cell'), 'no journal before the password');
  assert.equal((await h.findWidget(page, 'Логин', 'input')).value, 'uchitel');
  if (shot) {
    await h.fill(page, 'Пароль', 'не тот пароль');
    await h.press(page, 'Enter');
    await h.waitForWidget(page, 'Неверный пароль. Осталось попыток: 4.', { kind: 'error', timeout: 10000 });
    all = await h.widgets(page);
    assert.ok(!all.some((w) => w.kind === 'cell'), 'a wrong password opens nothing');
    await h.screenshot(page, shot);
  }
  await h.fill(page, 'Пароль', h.DEMO_PASSWORD);
  await h.press(page, 'Enter');
}

// A persistent browser (a profile on disk: the service worker, its cache and IndexedDB stay).
function launchProfile(dir) {
  return chromium.launchPersistentContext(dir, {
    executablePath: h.CHROMIUM,
    headless: true,
    viewport: { width: 1366, height: 768 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

async function openIn(context) {
  const page = context.pages()[0] || await context.newPage();
  const messages = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  const ready = page.waitForEvent('console', { predicate: (m) => m.text() === 'EJ_READY', timeout: 30000 });
  await page.goto(`${server.url}/?test=1`);
  try {
    await ready;
  } catch (e) {
    throw new Error(`no EJ_READY: ${e.message}\n${messages.join('\n')}`);
  }
  return { page, messages };
}

test('offline: 20 marks, 2 absences and a topic survive a reload and a browser restart, then reach the server once', async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ej-offline-profile-'));
  let context = await launchProfile(profile);
  try {
    let { page } = await openIn(context);
    await h.logIn(page, 'uchitel');
    await h.waitForWidget(page, 'Ученик', { timeout: 20000 });
    await h.waitForWidget(page, 'В сети', { kind: 'badge' });
    // The shell is cached and the device has the journal before the network goes.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await storeSettled(page);
    // The verifier of the password for the offline start is on the device; the password is not.
    await page.waitForFunction(() => [...Module.ejStore.keys()].some((k) => k.endsWith('/verifier')), null, { timeout: 10000 });
    await storeSettled(page);
    assert.ok(!(await page.evaluate((pw) => [...Module.ejStore.values()].some((v) => v.includes(pw)), h.DEMO_PASSWORD)),
      'the password itself is not stored');
    await h.screenshot(page, 'offline-badge-online');
    const webOpsBefore = Number(sql("SELECT COUNT(*) FROM op_log WHERE device = 'web'"));

    await context.setOffline(true);
    await h.waitForWidget(page, 'Нет сети', { kind: 'badge' });
    const days = await heldColumns(page);
    assert.ok(days.length >= 2, 'two held lessons on screen');
    const cellsOf = async (day) => (await h.widgets(page)).filter((w) => w.kind === 'cell' && w.label.endsWith(` · ${day}`) && w.enabled);
    const targets = [...await cellsOf(days[days.length - 1]), ...await cellsOf(days[days.length - 2])];
    const attendance = /^(н|б|у|оп)( |$)/;
    const absent = targets.filter((w) => !attendance.test(w.value)).slice(0, 2);
    assert.equal(absent.length, 2, 'two cells without attendance');
    const marked = targets.filter((w) => !absent.includes(w)).slice(0, 20);
    assert.equal(marked.length, 20, 'twenty cells for marks');
    const expected = new Map();
    for (const [i, cell] of marked.entries()) {
      const mark = String(3 + (i % 3));
      await h.click(page, cell.label, { kind: 'cell' });
      await h.waitForWidget(page, cell.label, { kind: 'cell', test: (w) => w.selected });
      await page.keyboard.type(mark);
      const w = await h.waitForWidget(page, cell.label, { kind: 'cell', test: (x) => x.value.endsWith(mark) && x.value !== cell.value });
      expected.set(cell.label, w.value);
    }
    for (const cell of absent) {
      await h.click(page, cell.label, { kind: 'cell' });
      await h.waitForWidget(page, cell.label, { kind: 'cell', test: (w) => w.selected });
      await page.keyboard.type('y');  // «н» on a Russian keyboard
      const w = await h.waitForWidget(page, cell.label, { kind: 'cell', test: (x) => x.value.startsWith('н') });
      expected.set(cell.label, w.value);
    }
    const day = days[days.length - 1];
    await h.click(page, day, { kind: 'header' });
    // The demo's lesson has a topic already: select it all and type over it.
    await h.click(page, 'Тема', { kind: 'input' });
    await h.waitForWidget(page, 'Тема', { kind: 'input', test: (w) => w.focused });
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText('Самостоятельная работа без сети');
    await h.waitForWidget(page, 'Тема', { kind: 'input', test: (w) => w.value === 'Самостоятельная работа без сети' });
    await h.click(page, 'Сохранить урок', { kind: 'button' });
    await h.waitForWidget(page, 'Нет сети', { kind: 'badge' });
    await storeSettled(page);
    await h.screenshot(page, 'offline-badge-offline');
    assert.equal(Number(sql("SELECT COUNT(*) FROM op_log WHERE device = 'web'")), webOpsBefore, 'nothing reached the server');

    // The lesson sheet for a total failure, from the device's copy: a page to print.
    const popup = context.waitForEvent('page', { timeout: 10000 });
    await h.click(page, 'Лист урока', { kind: 'button' });
    const sheet = await popup;
    await sheet.waitForLoadState();
    const text = await sheet.textContent('body');
    assert.match(text, /Лист урока/);
    assert.match(text, /Учитель/);
    assert.ok(text.includes(marked[0].label.split(' · ')[0]), 'a student of the group on the sheet');
    await sheet.setViewportSize({ width: 900, height: 1000 });
    await h.screenshot(sheet, 'offline-lesson-sheet');
    await sheet.close();

    const check = async (p) => {
      await h.waitForWidget(p, 'Ученик', { timeout: 20000 });
      for (const [label, value] of expected) {
        await h.waitForWidget(p, label, { kind: 'cell', test: (w) => w.value === value });
      }
      const header = await h.waitForWidget(p, day, { kind: 'header' });
      assert.ok(header.value.startsWith('тема есть'), header.value);
      await h.waitForWidget(p, 'Нет сети', { kind: 'badge' });
    };

    // A reload with no network: the service worker gives the app, IndexedDB the entries.
    const ready = page.waitForEvent('console', { predicate: (m) => m.text() === 'EJ_READY', timeout: 30000 });
    await page.reload();
    await ready;
    await unlockOffline(page, 'offline-unlock');
    await check(page);
    await h.screenshot(page, 'offline-reloaded');

    // The browser closed and opened again with the same profile, still with no network.
    await context.close();
    context = await launchProfile(profile);
    await context.setOffline(true);
    ({ page } = await openIn(context));
    await unlockOffline(page);
    await check(page);

    // Back online: the outbox goes, each entry once.
    await context.setOffline(false);
    await h.waitForWidget(page, 'В сети', { kind: 'badge', timeout: 30000 });
    await h.waitForWidget(page, 'Все изменения сохранены.', { timeout: 30000 });
    await h.screenshot(page, 'offline-synced');
    assert.equal(Number(sql("SELECT COUNT(*) FROM op_log WHERE device = 'web'")), webOpsBefore + 23);
    assert.equal(Number(sql("SELECT COUNT(*) FROM op_log WHERE device = 'web' AND kind = 'mark.add'")), 20);
    assert.equal(Number(sql("SELECT COUNT(*) FROM marks WHERE id IN (SELECT op_id FROM op_log WHERE device = 'web' AND kind = 'mark.add')")), 20);
    assert.equal(Number(sql("SELECT COUNT(*) FROM op_log WHERE device = 'web' AND kind = 'attendance.set'")), 2);
    assert.equal(Number(sql("SELECT COUNT(*) FROM lessons WHERE topic = 'Самостоятельная работа без сети'")), 1);
    // A reload online sends nothing again.
    const again = page.waitForEvent('console', { predicate: (m) => m.text() === 'EJ_READY', timeout: 30000 });
    await page.reload();
    await again;
    await h.waitForWidget(page, 'Ученик', { timeout: 20000 });
    await sleep(1500);
    assert.equal(Number(sql("SELECT COUNT(*) FROM op_log WHERE device = 'web'")), webOpsBefore + 23);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('the same cell changed on the server while the teacher was offline: the conflict shows both values, both stay in the log', async () => {
  const { context, page } = await h.openClient(browser, server, { viewport: { width: 1366, height: 768 } });
  await h.logIn(page, 'uchitel');
  await h.waitForWidget(page, 'Ученик', { timeout: 20000 });
  const days = await heldColumns(page);
  const day = days[days.length - 1];
  const cell = (await h.widgets(page)).find((w) => w.kind === 'cell' && w.label.endsWith(` · ${day}`) && w.enabled &&
    !/^(н|б|у|оп)( |$)/.test(w.value));
  assert.ok(cell, 'a cell without attendance');

  // Which lesson and student the cell is, from the API as the teacher on another device.
  const { body: login } = await h.apiLogin(server, 'uchitel');
  const auth = { Authorization: `Bearer ${login.token}` };
  const get = async (p) => (await fetch(server.url + p, { headers: auth })).json();
  const structure = await get('/api/v1/structure');
  const group = (await h.findWidget(page, 'Группа', 'combo')).value;
  const mine = structure.workload.filter((w) => w.teacher_id === login.user.person_id).map((w) => w.group_id);
  const g = structure.groups.filter((x) => mine.includes(x.id) && group.startsWith(x.name))
    .sort((a, b) => b.name.length - a.name.length)[0];
  assert.ok(g, `group ${group}`);
  const [dd, mm] = day.split('.');
  const year = Number(mm) >= 9 ? new Date().getFullYear() - (new Date().getMonth() + 1 < 9 ? 1 : 0) : new Date().getFullYear();
  const iso = `${year}-${mm}-${dd}`;
  const journal = await get(`/api/v1/journal?group_id=${g.id}&from=${iso}&to=${iso}`);
  const lesson = journal.lessons.find((l) => l.date === iso);
  assert.ok(lesson, `lesson on ${iso}`);
  const studentName = cell.label.split(' · ')[0];
  const person = structure.persons.find((p) => `${p.last_name} ${p.first_name}` === studentName);
  assert.ok(person, `student ${studentName}`);

  await context.setOffline(true);
  await h.click(page, cell.label, { kind: 'cell' });
  await h.waitForWidget(page, cell.label, { kind: 'cell', test: (w) => w.selected });
  await page.keyboard.type('y');  // «н»
  await h.waitForWidget(page, cell.label, { kind: 'cell', test: (w) => w.value.startsWith('н') });
  await h.waitForWidget(page, 'Нет сети', { kind: 'badge' });

  // Meanwhile, from another device: «б» in the same cell.
  const push = await fetch(`${server.url}/api/v1/ops`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ops: [{ op_id: crypto.randomUUID(), kind: 'attendance.set', device: 'other',
      client_time: Date.now(), base_version: 0, payload: { lesson_id: lesson.id, student_id: person.id, code: 'б', reason: '' } }] }),
  });
  const pushed = await push.json();
  assert.equal(pushed.results[0].outcome, 'applied', JSON.stringify(pushed));

  await context.setOffline(false);
  await h.waitForWidget(page, 'Требуют внимания: 1', { kind: 'badge', timeout: 30000 });
  await h.waitForWidget(page, 'Требуют внимания', { kind: 'heading' });
  await h.waitForWidget(page, 'Ваше значение: «н».');
  const reason = (await h.widgets(page)).find((w) => w.kind === 'error' && w.label.includes('«б»'));
  assert.ok(reason, 'the value on the server is shown');
  await h.screenshot(page, 'offline-conflict');
  await h.click(page, 'Оставить моё', { kind: 'button' });
  await h.waitForWidget(page, 'В сети', { kind: 'badge', timeout: 20000 });
  await h.waitForWidget(page, cell.label, { kind: 'cell', test: (w) => w.value.startsWith('н') });
  const codes = sql(`SELECT json_extract(payload, '$.code') FROM op_log WHERE kind = 'attendance.set' AND ` +
    `json_extract(payload, '$.lesson_id') = ${lesson.id} AND json_extract(payload, '$.student_id') = ${person.id} ORDER BY seq`).split('\n');
  assert.deepEqual(codes.slice(-2), ['б', 'н']);
  await context.close();
});
