// The administration console in a real browser against the real server with the demo school:
// a deputy creates a class, pastes its roster from a spreadsheet through the system clipboard,
// and the added students survive a reload.
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

// Rows as a spreadsheet puts them on the clipboard: TAB-separated, CR LF, the second invalid.
const ROWS = [
  'Комаров\tДаниил\tОлегович\t12.03.2009\tм',
  'Тихонов\tЕгор\tИльич\t31.02.2009\tм',
  'Лебедева\tАлиса\tМаксимовна\t05.11.2009\tж',
].join('\r\n') + '\r\n';

// From anywhere in the console: «Классы», the search box, the class's row.
async function openClass(page, name) {
  await h.click(page, 'Классы', { kind: 'tab' });
  await h.waitForWidget(page, 'Классный руководитель', { kind: 'header' });
  await h.fill(page, 'Поиск', name);
  await h.click(page, name, { kind: 'row' });
  await h.waitForWidget(page, `Класс ${name}`, { kind: 'heading' });
}

test('a deputy creates 11В, pastes three rows, adds the two valid students, and they are there after a reload', async () => {
  const { context, page, messages } = await h.openClient(browser, server, { viewport: { width: 1366, height: 768 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await h.logIn(page, 'zavuch');

  // «Настройка года»: the year, nothing left to set up in the demo school.
  await h.waitForWidget(page, 'Настройка года', { kind: 'heading' });
  await h.waitForWidget(page, '2026/2027 учебный год · 01.09.2026\u00A0— 31.08.2027');
  await h.waitForWidget(page, 'Учебный год настроен.');
  assert.ok((await h.findWidget(page, 'Настройка года', 'tab')).selected);

  // «Классы»: the demo's 26 classes; a new one.
  await h.click(page, 'Классы', { kind: 'tab' });
  await h.waitForWidget(page, '5В', { kind: 'row' });
  const rows = (await h.widgets(page)).filter((w) => w.kind === 'row');
  assert.equal(rows.length, 26);
  assert.ok(!rows.some((w) => w.label === '11В'));
  await h.choose(page, 'Параллель', (o) => o.label === '11');
  await h.fill(page, 'Литера', 'В');
  const teacher = await h.choose(page, 'Классный руководитель', (o) => o.label !== 'не назначен' && o.value === '');
  await h.click(page, 'Создать класс', { kind: 'button' });
  await h.waitForWidget(page, 'Класс 11В создан.', { kind: 'notice' });
  await h.fill(page, 'Поиск', '11');
  const row = await h.waitForWidget(page, '11В', { kind: 'row' });
  assert.match(row.value, /^11В\t\S+ \S\.\u00A0\S\.\t0$/);
  await h.screenshot(page, 'console-classes');

  // The checklist now asks for 11В's students; «Открыть» leads to its card.
  await h.click(page, 'Настройка года', { kind: 'tab' });
  await h.waitForWidget(page, 'В классе 11В нет учеников.');
  await h.screenshot(page, 'console-checklist');
  const all = await h.widgets(page);
  const item = all.findIndex((w) => w.label === 'В классе 11В нет учеников.');
  const open = all.slice(item).find((w) => w.kind === 'button' && w.label === 'Открыть');
  await page.mouse.click(open.x + open.w / 2, open.y + open.h / 2);
  await h.waitForWidget(page, 'Класс 11В', { kind: 'heading' });
  assert.equal((await h.findWidget(page, 'Классный руководитель', 'combo')).value, teacher);

  // Paste the rows through the system clipboard (Ctrl+V).
  await h.click(page, 'Строки из таблицы', { kind: 'input' });
  await h.waitForWidget(page, 'Строки из таблицы', { kind: 'input', test: (w) => w.focused && w.multiline });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ej-area');
  await page.evaluate((text) => navigator.clipboard.writeText(text), ROWS);
  await page.keyboard.press('Control+V');
  await h.waitForWidget(page, 'Строки из таблицы', {
    kind: 'input', test: (w) => w.value === ROWS.replaceAll('\r', ''),
  });
  // Copying goes the other way: Ctrl+A, Ctrl+C put the box's text on the system clipboard.
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await page.waitForFunction((text) => navigator.clipboard.readText().then((t) => t === text), ROWS.replaceAll('\r', ''));
  await page.keyboard.press('End');
  await h.click(page, 'Проверить', { kind: 'button' });
  await h.waitForWidget(page, 'Проверка: можно добавить 2 из 3 строк');
  const error = await h.waitForWidget(page, 'Дата рождения «31.02.2009» не распознана: нужна дата вида 01.09.2015.', { kind: 'error' });
  assert.ok(error.w > 100);
  const checked = (await h.widgets(page)).filter((w) => w.kind === 'row');
  assert.deepEqual(checked.map((w) => w.value.split('\t')[2]), [
    '✓ будет добавлен', 'Дата рождения «31.02.2009» не распознана: нужна дата вида 01.09.2015.', '✓ будет добавлен',
  ]);
  await h.scrollIntoView(page, '3', { kind: 'row' });
  await h.screenshot(page, 'console-class-card');

  await h.click(page, 'Добавить 2 ученика', { kind: 'button' });
  await h.waitForWidget(page, 'Ученики: 2');
  await h.waitForWidget(page, 'Строки из таблицы', { kind: 'input', test: (w) => w.value === `${ROWS.split('\r\n')[1]}\n` });
  await h.screenshot(page, 'console-class-card-added');

  // After a reload the two valid students are in 11В, and only they.
  await page.reload();
  await h.waitForWidget(page, 'Настройка года', { kind: 'heading' });
  await openClass(page, '11В');
  await h.waitForWidget(page, 'Ученики: 2');
  const students = (await h.widgets(page)).filter((w) => w.kind === 'row').map((w) => w.value);
  assert.deepEqual(students, ['1\tКомаров Даниил Олегович\t12.03.2009', '2\tЛебедева Алиса Максимовна\t05.11.2009']);

  assert.deepEqual(messages.filter((m) => m.startsWith('pageerror')), []);
  await context.close();
});

test('a teacher gets the home screen, not the console', async () => {
  const { context, page } = await h.openClient(browser, server);
  await h.logIn(page, 'uchitel');
  await h.waitForWidget(page, 'Выйти', { kind: 'button' });
  assert.equal(await h.findWidget(page, 'Классы', 'tab'), undefined);
  await context.close();
});

test('on a phone (360×740) the console has tabs and its pages fit the width', async () => {
  const { context, page } = await h.openClient(browser, server, {
    viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  });
  await h.fill(page, 'Логин', 'direktor', { touch: true });
  await h.fill(page, 'Пароль', h.DEMO_PASSWORD, { touch: true });
  await h.click(page, 'Войти', { kind: 'button', touch: true });
  await h.waitForWidget(page, 'Настройка года', { kind: 'heading' });
  await h.click(page, 'Классы', { kind: 'tab', touch: true });
  await h.waitForWidget(page, '1А', { kind: 'row' });
  for (const w of await h.widgets(page)) {
    if (w.kind === 'tab' && !w.visible) continue;  // the row of tabs scrolls sideways
    assert.ok(w.x >= 0 && w.x + w.w <= 360, `«${w.label}» is inside the screen`);
  }
  await h.screenshot(page, 'console-classes-phone');

  // A finger drags the list up: it scrolls by about as much, and tapping a row still opens it.
  const before = await h.findWidget(page, '2А', 'row');
  await h.swipe(page, { x: 180, y: 650 }, { x: 180, y: 350 });
  const after = await h.waitForWidget(page, '2А', { kind: 'row', test: (w) => w.y < before.y - 200 });
  assert.ok(after.y > before.y - 400, `scrolled by ${before.y - after.y} px for a 300 px drag`);
  assert.equal((await h.findWidget(page, 'Классы', 'tab')).selected, true);  // the drag tapped nothing
  await h.click(page, '2А', { kind: 'row', touch: true });
  await h.waitForWidget(page, 'Класс 2А', { kind: 'heading' });
  await h.screenshot(page, 'console-class-card-phone');

  // The row of tabs does not fit: a finger drags it sideways to the last one.
  const tabs = (await h.widgets(page)).filter((w) => w.kind === 'tab');
  const last = tabs[tabs.length - 1];
  assert.ok(!last.visible, `«${last.label}» is beyond the edge at first`);
  for (let i = 0; i < 8 && !(await h.findWidget(page, last.label, 'tab')).visible; ++i) {
    await h.swipe(page, { x: 320, y: last.y + last.h / 2 }, { x: 40, y: last.y + last.h / 2 });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await h.waitForWidget(page, last.label, { kind: 'tab', test: (w) => w.visible });
  await h.click(page, last.label, { kind: 'tab', touch: true });
  await h.waitForWidget(page, last.label, { kind: 'tab', test: (w) => w.selected && w.visible });
  await context.close();
});
