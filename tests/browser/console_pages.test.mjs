// The console's pages «Учебный год» and «Сотрудники» in a real browser against the real server
// with the demo school: one screenshot of each at 1366×768, to look at.
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

test('a deputy sees the year\'s periods and holidays and the staff with their roles', async () => {
  const { page } = await h.openClient(browser, server, { viewport: { width: 1366, height: 768 } });
  await h.logIn(page, 'zavuch');
  await h.waitForWidget(page, 'Настройка года', { kind: 'heading' });

  await h.click(page, 'Учебный год', { kind: 'tab' });
  await h.waitForWidget(page, '1 четверть', { kind: 'row' });
  await h.waitForWidget(page, 'Осенние каникулы', { kind: 'row' });
  await h.screenshot(page, 'console-year');

  await h.click(page, 'Сотрудники', { kind: 'tab' });
  await h.waitForWidget(page, 'Роли', { kind: 'header' });
  const rows = (await h.widgets(page)).filter((w) => w.kind === 'row');
  assert.ok(rows.length > 5);
  await h.screenshot(page, 'console-staff');
});
