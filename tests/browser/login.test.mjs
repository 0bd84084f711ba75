// The walking skeleton in a real browser: the built client served by the real server with a
// demo school, a teacher logging in by typing, a wrong password, and the phone layout.
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

test('a teacher logs in by typing and sees their name, then logs out', async () => {
  const api = await h.apiLogin(server, 'uchitel');
  assert.equal(api.status, 200);
  const name = api.body.user.name;

  const { context, page, messages } = await h.openClient(browser, server);
  await h.waitForWidget(page, 'Электронный журнал', { kind: 'heading' });
  await h.screenshot(page, 'login');

  await h.fill(page, 'Логин', 'uchitel');
  await h.fill(page, 'Пароль', h.DEMO_PASSWORD);
  await h.click(page, 'Войти', { kind: 'button' });

  await h.waitForWidget(page, name);
  await h.waitForWidget(page, 'Выйти', { kind: 'button' });
  const all = await h.widgets(page);
  assert.ok(!JSON.stringify(all).includes(h.DEMO_PASSWORD), 'the password is never in the widget list');
  await h.screenshot(page, 'home');

  // The session survives a reload (the HttpOnly cookie), and logout ends it.
  await page.reload();
  await h.waitForWidget(page, name);
  await h.click(page, 'Выйти', { kind: 'button' });
  await h.waitForWidget(page, 'Войти', { kind: 'button' });
  await page.reload();
  await h.waitForWidget(page, 'Войти', { kind: 'button' });

  assert.deepEqual(messages.filter((m) => m.startsWith('pageerror')), []);
  await context.close();
});

test('a wrong password shows «Неверный логин или пароль.» and keeps what was typed', async () => {
  const { context, page } = await h.openClient(browser, server);
  await h.logIn(page, 'uchitel', 'неверный');

  const error = await h.waitForWidget(page, 'Неверный логин или пароль.', { kind: 'error' });
  assert.ok(error.w > 0);
  assert.equal((await h.findWidget(page, 'Логин', 'input')).value, 'uchitel');
  assert.equal((await h.findWidget(page, 'Пароль', 'input')).value, '•••');
  await h.screenshot(page, 'login-error');
  await context.close();
});

test('on a phone (360×740, density 3) the login card fits and a tap brings up typing', async () => {
  const { context, page } = await h.openClient(browser, server, {
    viewport: { width: 360, height: 740 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
  });
  const all = await h.widgets(page);
  assert.ok(all.length > 0);
  for (const w of all) {
    assert.ok(w.x >= 0 && w.x + w.w <= 360, `«${w.label}» is inside the screen`);
  }
  // The canvas is rendered at the device's density.
  const backing = await page.evaluate(() => [Module.canvas.width, Module.canvas.height]);
  assert.deepEqual(backing, [1080, 2220]);
  await h.screenshot(page, 'login-phone');

  await h.fill(page, 'Логин', 'direktor', { touch: true });
  await h.fill(page, 'Пароль', h.DEMO_PASSWORD, { touch: true });
  await h.click(page, 'Войти', { kind: 'button', touch: true });
  await h.waitForWidget(page, 'Выйти', { kind: 'button' });
  await h.screenshot(page, 'home-phone');
  await context.close();
});

test('a keyboard, Backspace and an input method composing Cyrillic all reach the field', async () => {
  const { context, page } = await h.openClient(browser, server);
  await h.click(page, 'Логин', { kind: 'input' });
  await h.waitForWidget(page, 'Логин', { kind: 'input', test: (w) => w.focused });
  const value = (text) => ({ kind: 'input', test: (w) => w.value === text, timeout: 5000 });

  await page.keyboard.type('uchitelx');  // key events with text
  await page.keyboard.press('Backspace');
  await h.waitForWidget(page, 'Логин', value('uchitel'));
  await page.keyboard.type(' Иванов');   // characters a US layout has not: inserted text
  await h.waitForWidget(page, 'Логин', value('uchitel Иванов'));

  // A phone keyboard or an IME: the composition changes, then is committed.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'Пр', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.imeSetComposition', { text: 'Пи', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.insertText', { text: 'Пир' });
  await h.waitForWidget(page, 'Логин', value('uchitel ИвановПир'));

  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await h.waitForWidget(page, 'Логин', value(''));
  await context.close();
});

test('a lost network is reported as «Сервер недоступен…» and the typed login stays', async () => {
  const { context, page } = await h.openClient(browser, server);
  await h.fill(page, 'Логин', 'uchitel');
  await h.fill(page, 'Пароль', h.DEMO_PASSWORD);
  await context.setOffline(true);
  await h.click(page, 'Войти', { kind: 'button' });
  await h.waitForWidget(page, 'Сервер недоступен. Проверьте подключение к сети.', { kind: 'error' });
  assert.equal((await h.findWidget(page, 'Логин', 'input')).value, 'uchitel');
  await context.setOffline(false);
  await h.click(page, 'Войти', { kind: 'button' });
  await h.waitForWidget(page, 'Выйти', { kind: 'button' });
  await context.close();
});
