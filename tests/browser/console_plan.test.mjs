// The console's study-plan pages («Учебный план», «Нагрузка», «Группы», a group's card, a
// student's card with the ИУП) and «Правила школы» and «Учётные записи», in a real browser
// against the real server with the demo school: each is checked for its content and saved as a
// screenshot (test-artifacts/browser/) at 1366×768 and, for some, on a phone.
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

test('a deputy works with the curriculum, the workload, the groups and a student\'s individual plan', async () => {
  const { page, messages } = await h.openClient(browser, server, { viewport: { width: 1366, height: 768 } });
  await h.logIn(page, 'zavuch');
  await h.waitForWidget(page, 'Настройка года', { kind: 'heading' });

  // «Учебный план»: the demo's hours in cells, the week against СанПиН.
  await h.click(page, 'Учебный план', { kind: 'tab' });
  const cell = await h.waitForWidget(page, 'Математика, 5 класс', { kind: 'input' });
  assert.ok(Number(cell.value) > 0, `mathematics in grade 5: ${cell.value}`);
  await h.waitForWidget(page, 'Итого в неделю');
  await h.screenshot(page, 'console-curriculum');

  // «Нагрузка»: the demo's lines; a row's click fills the form.
  await h.click(page, 'Нагрузка', { kind: 'tab' });
  await h.waitForWidget(page, 'Часов в неделю', { kind: 'header' });
  await h.choose(page, 'Фильтр по классу', (o) => o.label === '7Б');
  const rows = (await h.widgets(page)).filter((w) => w.kind === 'row');
  assert.ok(rows.length > 5);
  await h.click(page, rows[0].label, { kind: 'row' });
  await h.waitForWidget(page, 'Часов в неделю', { kind: 'input', test: (w) => w.value !== '' });
  await h.waitForWidget(page, 'Снять нагрузку', { kind: 'button' });
  await h.screenshot(page, 'console-workload');

  // «Группы» sorted by size, then a subgroup's card.
  await h.click(page, 'Группы', { kind: 'tab' });
  await h.waitForWidget(page, 'Вид и предмет', { kind: 'header' });
  await h.choose(page, 'Фильтр по виду', (o) => o.label === 'Подгруппа');
  await h.click(page, 'Учеников', { kind: 'header' });
  await h.waitForWidget(page, 'Учеников', { kind: 'header', test: (w) => w.selected });
  await h.screenshot(page, 'console-groups');
  const subgroup = (await h.widgets(page)).find((w) => w.kind === 'row');
  assert.ok(subgroup, 'a subgroup row');
  await h.click(page, subgroup.label, { kind: 'row' });
  await h.waitForWidget(page, 'Сохранить состав', { kind: 'button' });
  const boxes = (await h.widgets(page)).filter((w) => w.kind === 'checkbox');
  assert.ok(boxes.some((b) => b.selected), 'the subgroup has members ticked');
  await h.screenshot(page, 'console-group-card');

  // A student's card from a class's card: parents, movement, the ИУП with one added hour.
  await h.click(page, 'Классы', { kind: 'tab' });
  await h.click(page, '7Б', { kind: 'row' });
  await h.waitForWidget(page, 'Класс 7Б', { kind: 'heading' });
  await h.click(page, '1', { kind: 'row' });
  await h.waitForWidget(page, 'Индивидуальный учебный план');
  await h.waitForWidget(page, 'Движение');
  await h.waitForWidget(page, 'Перевести', { kind: 'button' });
  await h.screenshot(page, 'console-student-top');
  await h.choose(page, 'Предмет', (o) => o.label === 'Информатика');
  await h.fill(page, 'Часов в неделю', '1');
  await h.click(page, 'Сохранить строку', { kind: 'button' });
  await h.waitForWidget(page, 'Индивидуальный план сохранён.', { kind: 'notice' });
  await h.waitForWidget(page, 'Информатика', { kind: 'row', test: (w) => w.value.includes('+1 ч') });
  await h.screenshot(page, 'console-student');
  assert.deepEqual(messages.filter((m) => m.startsWith('pageerror')), []);
});

test('on a phone the curriculum shows one grade and a new group\'s form opens above the table', async () => {
  const { page } = await h.openClient(browser, server, {
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  });
  await h.logIn(page, 'zavuch');
  await h.waitForWidget(page, 'Настройка года', { kind: 'heading' });
  await h.click(page, 'Учебный план', { kind: 'tab', touch: true });
  await h.waitForWidget(page, 'Математика, 5 класс', { kind: 'input' });
  const cells = (await h.widgets(page)).filter((w) => w.kind === 'input' && w.label.startsWith('Математика,'));
  assert.equal(cells.length, 1, 'one grade at a time');
  assert.ok(cells[0].x + cells[0].w <= 390);
  await h.screenshot(page, 'console-curriculum-phone');
  await h.click(page, 'Группы', { kind: 'tab', touch: true });
  await h.click(page, '+ Новая группа', { kind: 'button', touch: true });
  await h.waitForWidget(page, 'Создать группу', { kind: 'button' });
  await h.screenshot(page, 'console-groups-phone');
});

test('the school\'s rules and the accounts are readable pages for the deputy and the administrator', async () => {
  const { page } = await h.openClient(browser, server, { viewport: { width: 1366, height: 768 } });
  await h.logIn(page, 'zavuch');
  await h.waitForWidget(page, 'Настройка года', { kind: 'heading' });
  await h.click(page, 'Правила школы', { kind: 'tab' });
  await h.waitForWidget(page, 'Правила школы', { kind: 'heading' });
  await h.screenshot(page, 'console-rules');

  const admin = await h.openClient(browser, server, { viewport: { width: 1366, height: 768 } });
  await h.logIn(admin.page, 'admin');
  await h.waitForWidget(admin.page, 'Учётные записи', { kind: 'heading' });
  await h.waitForWidget(admin.page, 'Логин', { kind: 'header' });
  await h.screenshot(admin.page, 'console-accounts');
  const all = await h.widgets(admin.page);
  const visibleRows = all.filter((w) => w.kind === 'row' && w.visible);
  assert.ok(visibleRows.length >= 10, `rows on screen: ${visibleRows.length}`);
  const search = all.find((w) => w.label === 'Поиск' && w.kind === 'input');
  const filter = all.find((w) => w.label === 'Фильтр по роли' && w.kind === 'combo');
  assert.ok(search.x + search.w <= filter.x, 'the role filter is beside the search box');
  await h.choose(admin.page, 'Фильтр по роли', (o) => o.label === 'Учитель');
  await h.click(admin.page, 'ФИО', { kind: 'header' });
  await h.waitForWidget(admin.page, 'ФИО', { kind: 'header', test: (w) => w.selected });
  await h.screenshot(admin.page, 'console-accounts-teachers');
});
