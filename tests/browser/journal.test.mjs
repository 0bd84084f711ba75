// The teacher's journal in a real browser against the real server with the demo school: the
// teacher types a mark and an absence into the grid with the keyboard, they reach the server
// (a reload shows them), the lesson panel saves a topic; on a phone the grid fits the screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
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

// The rightmost lesson column on screen that has already taken place ("dd.mm" ≤ today).
async function lastHeldColumn(page) {
  const now = new Date();
  const today = [now.getMonth() + 1, now.getDate()];
  const headers = (await h.widgets(page)).filter((w) => w.kind === 'header' && /^\d\d\.\d\d$/.test(w.label));
  assert.ok(headers.length > 0, 'no lesson columns');
  const held = headers.filter((w) => {
    const [d, m] = w.label.split('.').map(Number);
    // The school year: September–December before January–August.
    const order = (month) => (month >= 9 ? month - 9 : month + 3);
    return order(m) < order(today[0]) || (m === today[0] && d <= today[1]);
  });
  assert.ok(held.length > 0, 'no held lesson on screen');
  return held[held.length - 1].label;
}

test('a teacher enters a mark and an absence with the keyboard; both are on the server after a reload', async () => {
  const { page, messages } = await h.openClient(browser, server, { viewport: { width: 1366, height: 768 } });
  await h.logIn(page, 'uchitel');
  await h.waitForWidget(page, 'Журнал', { kind: 'heading' });
  await h.waitForWidget(page, 'Ученик');
  const day = await lastHeldColumn(page);
  const cells = (await h.widgets(page)).filter((w) => w.kind === 'cell' && w.label.endsWith(` · ${day}`) && w.enabled);
  assert.ok(cells.length >= 2, `cells of ${day}`);
  const first = cells[0].label;
  const second = cells[1].label;
  const before1 = cells[0].value;

  await h.click(page, first, { kind: 'cell' });
  await h.waitForWidget(page, first, { kind: 'cell', test: (w) => w.selected });
  await page.keyboard.type('5');
  await h.waitForWidget(page, first, { kind: 'cell', test: (w) => w.value.endsWith('5') });
  await h.press(page, 'Enter');
  await h.waitForWidget(page, second, { kind: 'cell', test: (w) => w.selected });
  // «y» is «н» on a Russian keyboard: the grid takes it without switching the layout.
  await page.keyboard.type('y');
  await h.waitForWidget(page, second, { kind: 'cell', test: (w) => w.value.startsWith('н') });
  await h.waitForWidget(page, 'Все изменения сохранены.');
  await h.screenshot(page, 'journal-grid');

  // The lesson panel: a topic for the lesson.
  await h.click(page, day, { kind: 'header' });
  await h.waitForWidget(page, 'Тема', { kind: 'input' });
  await h.fill(page, 'Тема', 'Повторение: решение задач');
  await h.click(page, 'Сохранить урок', { kind: 'button' });
  await h.waitForWidget(page, 'Все изменения сохранены.');
  await h.screenshot(page, 'journal-lesson');

  await page.reload();
  await h.waitForWidget(page, 'Ученик');
  await h.waitForWidget(page, first, { kind: 'cell', test: (w) => w.value === (before1 ? `${before1} 5` : '5') || w.value.endsWith('5') });
  await h.waitForWidget(page, second, { kind: 'cell', test: (w) => w.value.startsWith('н') });
  const header = await h.findWidget(page, day, 'header');
  assert.ok(header.value.startsWith('тема есть'), header.value);
  assert.deepEqual(messages.filter((m) => m.type === 'error'), []);
});

test('on a phone the journal fits the screen and pages through the lessons', async () => {
  const { page } = await h.openClient(browser, server, {
    viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
  });
  await h.logIn(page, 'uchitel');
  await h.waitForWidget(page, 'Ученик');
  const cells = (await h.widgets(page)).filter((w) => w.kind === 'cell');
  assert.ok(cells.length > 0);
  for (const c of cells) assert.ok(c.x + c.w <= 360, `${c.label} sticks out`);
  await h.screenshot(page, 'journal-phone');
});
