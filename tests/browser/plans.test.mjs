// «КТП» in a real browser against the real server with the demo school: the deputy opens
// «Планирование» → «КТП», picks 5А's mathematics, pastes three rows from a spreadsheet through
// the system clipboard (one without hours), sees the bad row reported under the table with its
// reason and kept in the box, saves, and the server has the plan's next version with the two
// good rows at its end. Then a CSV file saved by Excel in Windows-1251 is chosen with
// «Загрузить CSV-файл…» and its rows join the plan. Screenshots console-plans*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

// Waits until a widget with a label starting so (and of that kind) is drawn.
async function waitForStart(page, start, kind) {
  for (let i = 0; i < 400; ++i) {
    const w = (await h.widgets(page)).find((x) => x.label.startsWith(start) && (!kind || x.kind === kind));
    if (w) return w;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no widget starting «${start}»`);
}

// The deputy logs in and opens «Планирование» → «КТП» on 5А's mathematics.
async function openMath5A(page) {
  await h.logIn(page, 'zavuch');
  await h.click(page, 'Планирование', { kind: 'tab' });
  await h.click(page, 'КТП', { kind: 'tab' });
  await h.waitForWidget(page, 'КТП', { kind: 'heading' });
  await h.choose(page, 'Класс', (o) => o.label === '5А');
  await h.choose(page, 'Предмет и учитель', (o) => o.label.startsWith('5А — Математика'));
}

async function api(token, path) {
  const r = await fetch(server.url + path, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(r.status, 200, `${path}: ${r.status}`);
  return r.json();
}

// As a spreadsheet puts three rows on the clipboard: TAB-separated, CR LF; the second has no hours.
const ROWS = 'Повторение: натуральные числа\t2\t\r\nРезерв\tмного\t\r\nИтоговый тест за полугодие\t1\tтест\r\n';

test('the deputy pastes three rows into 5А mathematics’ КТП, the bad one is reported, the plan is saved', async () => {
  const zavuch = (await h.apiLogin(server, 'zavuch')).body.token;
  const s = await api(zavuch, '/api/v1/structure');
  const group = s.groups.find((g) => g.name === '5А — Математика');
  assert.ok(group, 'the demo has 5А — Математика');
  const before = (await api(zavuch, `/api/v1/plans?group_id=${group.id}`)).plans[0];
  assert.ok(before.topics.length > 20);

  const { context, page, messages } = await h.openClient(browser, server, { viewport: { width: 1366, height: 768 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await openMath5A(page);
  const first = await h.waitForWidget(page, 'Тема № 1', { kind: 'row', timeout: 15000 });
  assert.ok(first.value.includes(before.topics[0].title));
  // Plan against fact from the journal: the demo's journal has topics up to today.
  await waitForStart(page, 'План и факт на ');
  const summary = (await h.widgets(page)).find((w) => w.label.startsWith('По плану '));
  assert.ok(summary, 'the plan-against-fact line');
  assert.match(summary.label, /^По плану \d+ ч за год · к сегодняшнему дню \d+ ч · проведено уроков: \d+ \(\d+ % плана\)$/);
  await h.screenshot(page, 'console-plans');

  // Paste through the system clipboard (Ctrl+V), then add the rows.
  await h.click(page, 'Вставить строки из таблицы', { kind: 'input' });
  await h.waitForWidget(page, 'Вставить строки из таблицы', { kind: 'input', test: (w) => w.focused && w.multiline });
  await page.evaluate((text) => navigator.clipboard.writeText(text), ROWS);
  await page.keyboard.press('Control+V');
  await h.waitForWidget(page, 'Вставить строки из таблицы', {
    kind: 'input', test: (w) => w.value === ROWS.replaceAll('\r', ''),
  });
  await h.click(page, 'Добавить строки', { kind: 'button' });
  await h.waitForWidget(page, 'Добавлено тем: 2. Не добавлено строк: 1 — они остались в поле, исправьте их и добавьте снова.');
  const error = await waitForStart(page, 'Строка 2 («Резерв | много', 'error');
  assert.ok(error.w > 100);
  const box = await h.findWidget(page, 'Вставить строки из таблицы', 'input');
  assert.equal(box.value, 'Резерв\tмного\t');
  const n = before.topics.length;
  const added = (await h.widgets(page)).filter((w) => w.kind === 'row' && w.label.startsWith('Тема № '));
  assert.equal(added.length, n + 2);
  assert.ok(added[n].value.includes('Повторение: натуральные числа\t2\t—'));
  assert.ok(added[n + 1].value.includes('Итоговый тест за полугодие\t1\tтест'));
  await h.waitForWidget(page, 'Есть несохранённые изменения.');
  await h.scrollIntoView(page, error.label, { kind: 'error' });
  await h.screenshot(page, 'console-plans-paste');

  // Save: the server has the next version with the two rows at the end.
  await h.click(page, 'Сохранить КТП', { kind: 'button' });
  await h.waitForWidget(page, 'КТП сохранён.', { kind: 'notice' });
  const saved = (await api(zavuch, `/api/v1/plans?group_id=${group.id}`)).plans[0];
  assert.equal(saved.version, before.version + 1);
  assert.equal(saved.topics.length, n + 2);
  assert.deepEqual(saved.topics.slice(0, n), before.topics);
  assert.deepEqual(saved.topics.slice(n), [
    { title: 'Повторение: натуральные числа', hours: 2, control: false, control_form: '' },
    { title: 'Итоговый тест за полугодие', hours: 1, control: true, control_form: 'тест' },
  ]);
  await waitForStart(page, `Темы: ${n + 2} · `);
  assert.deepEqual(messages.filter((m) => m.startsWith('pageerror')), []);
});

// Windows-1251, as a Russian Excel saves «CSV (разделители — точка с запятой)»: the Cyrillic
// letters, Ё ё, « » and №; ASCII as is.
function cp1251(text) {
  const special = { 'Ё': 0xa8, 'ё': 0xb8, '«': 0xab, '»': 0xbb, '№': 0xb9 };
  return Buffer.from([...text].map((ch) => {
    const code = ch.codePointAt(0);
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    assert.ok(ch in special, `no Windows-1251 byte for ${ch}`);
    return special[ch];
  }));
}

test('the deputy loads 5А mathematics\' topics from a CSV file Excel saved in Windows-1251', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ej-csv-')), 'ktp-5a.csv');
  fs.writeFileSync(file, cp1251('№;Тема;Часы;Контрольная\r\n1;Решение задач на движение;2;нет\r\n2;Зачёт по теме «Дроби»;1;зачёт\r\n'));
  const { page, messages } = await h.openClient(browser, server, { viewport: { width: 1366, height: 768 } });
  await openMath5A(page);
  await h.waitForWidget(page, 'Тема № 1', { kind: 'row', timeout: 15000 });
  const before = (await h.widgets(page)).filter((w) => w.kind === 'row' && w.label.startsWith('Тема № ')).length;
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'), h.click(page, 'Загрузить CSV-файл…', { kind: 'button' }),
  ]);
  assert.equal(chooser.isMultiple(), false);
  await chooser.setFiles(file);
  await h.waitForWidget(page, 'Из файла «ktp-5a.csv»: добавлено тем: 2.', { kind: 'notice' });
  const rows = (await h.widgets(page)).filter((w) => w.kind === 'row' && w.label.startsWith('Тема № '));
  assert.equal(rows.length, before + 2);
  assert.ok(rows[before].value.endsWith('Решение задач на движение\t2\t—'), rows[before].value);
  assert.ok(rows[before + 1].value.endsWith('Зачёт по теме «Дроби»\t1\tзачёт'), rows[before + 1].value);
  await h.scrollIntoView(page, 'Загрузить CSV-файл…', { kind: 'button' });
  await h.screenshot(page, 'console-plans-csv');
  assert.deepEqual(messages.filter((m) => m.startsWith('pageerror')), []);
});

test('on a phone «Планирование» and its second row reach «КТП»', async () => {
  const { page } = await h.openClient(browser, server, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
  await h.logIn(page, 'zavuch');
  await h.click(page, 'Планирование', { kind: 'tab', touch: true });
  // The second row scrolls sideways under a finger, as the first one does.
  const first = await h.waitForWidget(page, 'Расписание', { kind: 'tab', test: (w) => w.selected });
  await h.swipe(page, { x: 360, y: first.y + first.h / 2 }, { x: 40, y: first.y + first.h / 2 });
  await h.click(page, 'КТП', { kind: 'tab', touch: true });
  await h.waitForWidget(page, 'КТП', { kind: 'heading' });
  await h.waitForWidget(page, 'Тема № 1', { kind: 'row', timeout: 15000 });
  await h.screenshot(page, 'console-plans-phone');
});
