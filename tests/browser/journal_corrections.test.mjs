// Issue 5 in a real browser against the real server with the demo school: a teacher types five
// marks and an absence with the keyboard and finds them after a reload; a correction after the
// school's window asks for a reason and is saved with it; the deputy finds it in the corrections
// audit («Исправления» → «Журнал исправлений»). Also the class teacher's summary and the year's
// marks, with screenshots.
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

// "dd.mm" of a column → days before today (the school year runs September to August).
function daysAgo(label) {
  const now = new Date();
  const [d, m] = label.split('.').map(Number);
  const year = m >= 9 && now.getMonth() + 1 < 9 ? now.getFullYear() - 1 : m < 9 && now.getMonth() + 1 >= 9 ? now.getFullYear() + 1 : now.getFullYear();
  const then = new Date(year, m - 1, d);
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((today - then) / 86400000);
}

test('five marks and an absence by keyboard survive a reload, a late correction asks for a reason, the deputy sees it in the audit', async () => {
  const { page, messages } = await h.openClient(browser, server, { viewport: { width: 1366, height: 900 } });
  await h.logIn(page, 'uchitel');
  await h.waitForWidget(page, 'Ученик');
  const headers = (await h.widgets(page)).filter((w) => w.kind === 'header' && /^\d\d\.\d\d$/.test(w.label));
  const held = headers.filter((w) => daysAgo(w.label) >= 0);
  assert.ok(held.length >= 2, 'held lessons on screen');
  const day = held[held.length - 1].label;
  const cells = (await h.widgets(page)).filter((w) => w.kind === 'cell' && w.label.endsWith(` · ${day}`) && w.enabled);
  assert.ok(cells.length >= 6, `six students on ${day}`);
  const before = cells.slice(0, 6).map((c) => c.value);

  // Five marks down the column (Enter moves down), then an absence.
  await h.click(page, cells[0].label, { kind: 'cell' });
  await h.waitForWidget(page, cells[0].label, { kind: 'cell', test: (w) => w.selected });
  const typed = ['5', '4', '3', '5', '4'];
  for (let i = 0; i < 5; ++i) {
    await page.keyboard.type(typed[i]);
    await h.waitForWidget(page, cells[i].label, { kind: 'cell', test: (w) => w.value.endsWith(typed[i]) });
    await h.press(page, 'Enter');
    await h.waitForWidget(page, cells[i + 1].label, { kind: 'cell', test: (w) => w.selected });
  }
  await page.keyboard.type('н');
  await h.waitForWidget(page, cells[5].label, { kind: 'cell', test: (w) => w.value.startsWith('н') });
  await h.waitForWidget(page, 'Все изменения сохранены.', { timeout: 20000 });

  await page.reload();
  await h.waitForWidget(page, 'Ученик');
  for (let i = 0; i < 5; ++i) {
    const want = before[i] ? `${before[i]} ${typed[i]}` : typed[i];
    await h.waitForWidget(page, cells[i].label, { kind: 'cell', test: (w) => w.value === want });
  }
  await h.waitForWidget(page, cells[5].label, { kind: 'cell', test: (w) => w.value.startsWith('н') });

  // A mark given more than the window's days ago, changed now: the core asks why.
  let old = null;
  for (const header of held) {
    if (daysAgo(header.label) <= 4) continue;
    const marked = (await h.widgets(page)).find((w) => w.kind === 'cell' && w.enabled && w.label.endsWith(` · ${header.label}`) && /^[1-5]/.test(w.value));
    if (marked) { old = marked; break; }
  }
  assert.ok(old, 'a cell with a mark older than the correction window');
  await h.click(page, old.label, { kind: 'cell' });
  await h.waitForWidget(page, old.label, { kind: 'cell', test: (w) => w.selected });
  await h.press(page, 'Delete');
  await h.waitForWidget(page, 'Нужна причина исправления', { kind: 'heading' });
  await h.screenshot(page, 'journal-correction-reason');
  // Nothing was sent: the cell still shows the mark until a reason is given.
  assert.equal((await h.findWidget(page, old.label, 'cell')).value, old.value);
  await h.fill(page, 'Причина', 'отметка поставлена не тому ученику');
  await h.click(page, 'Сохранить с причиной', { kind: 'button' });
  await h.waitForWidget(page, 'Все изменения сохранены.', { timeout: 20000 });
  await h.waitForWidget(page, old.label, { kind: 'cell', test: (w) => w.value !== old.value });
  assert.deepEqual(messages.filter((m) => m.type === 'error'), []);

  // The deputy's audit.
  const deputy = await h.openClient(browser, server, { viewport: { width: 1366, height: 900 } });
  await h.logIn(deputy.page, 'zavuch');
  await h.click(deputy.page, 'Исправления', { kind: 'tab' });
  await h.click(deputy.page, 'Журнал исправлений', { kind: 'tab' });
  let row = null;
  for (const deadline = Date.now() + 20000; !row && Date.now() < deadline;) {
    row = (await h.widgets(deputy.page)).find((w) => w.kind === 'row' && w.value.includes('отметка поставлена не тому ученику'));
    if (!row) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(row, 'the correction is in the audit');
  assert.ok(row.value.includes('удалена'), row.value);
  await h.screenshot(deputy.page, 'console-corrections-audit');
});

test('the class teacher sees the class summary and the year marks of a group', async () => {
  const { page, messages } = await h.openClient(browser, server, { viewport: { width: 1366, height: 900 } });
  await h.logIn(page, 'klruk');
  await h.waitForWidget(page, 'Ученик');
  await h.choose(page, 'Группа', (o) => o.label.includes('сводная ведомость класса'));
  await h.waitForWidget(page, 'Пропущено', { kind: 'header', timeout: 20000 });
  const rows = (await h.widgets(page)).filter((w) => w.kind === 'row');
  assert.ok(rows.length >= 15, `students of the class: ${rows.length}`);
  assert.ok(rows.some((r) => /\d,\d\d/.test(r.value)), 'averages in the summary');
  await h.screenshot(page, 'journal-class-summary');

  // The teacher's own first group (the journal opens on it), then the year's marks.
  await page.reload();
  await h.waitForWidget(page, 'Ученик');
  await h.choose(page, 'Период', (o) => o.label === 'Итоги года');
  await h.waitForWidget(page, 'Годовая', { kind: 'header', timeout: 20000 });
  const yearRows = (await h.widgets(page)).filter((w) => w.kind === 'row');
  assert.ok(yearRows.length > 0);
  await h.screenshot(page, 'journal-year');
  assert.deepEqual(messages.filter((m) => m.type === 'error'), []);
});
