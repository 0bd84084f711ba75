// The family's cabinet in a real browser against the real server with the demo school: the
// teacher types a mark into the journal, then a parent on a phone (360×740, density 3, touch)
// logs in with a Cyrillic password typed through the system-keyboard bridge, switches between
// the two children, walks to the week of that mark and finds it; screenshots at phone and
// desktop size (diary-*.png).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './harness.mjs';

const PARENT_PASSWORD = 'Ромашка-Весна-2026';
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

const pad = (n) => String(n).padStart(2, '0');
// "dd.mm" of the school year (September–December of the first year) → a Date at noon UTC.
function dayOfYear(ddmm, today) {
  const [d, m] = ddmm.split('.').map(Number);
  const first = today.getMonth() + 1 >= 9 ? today.getFullYear() : today.getFullYear() - 1;
  return new Date(Date.UTC(m >= 9 ? first : first + 1, m - 1, d, 12));
}
const mondayOf = (date) => new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86400000);

// The rightmost lesson column that has taken place ("dd.mm" ≤ today).
async function lastHeldColumn(page) {
  const now = new Date();
  const order = (month) => (month >= 9 ? month - 9 : month + 3);
  const headers = (await h.widgets(page)).filter((w) => w.kind === 'header' && /^\d\d\.\d\d$/.test(w.label));
  const held = headers.filter((w) => {
    const [d, m] = w.label.split('.').map(Number);
    return order(m) < order(now.getMonth() + 1) || (m === now.getMonth() + 1 && d <= now.getDate());
  });
  assert.ok(held.length > 0, 'no held lesson on screen');
  return held[held.length - 1].label;
}

// Drags a finger up or down the phone's screen until the widget is wholly in view.
async function dragIntoView(page, label, kind) {
  let w = await h.waitForWidget(page, label, { kind });
  for (let i = 0; i < 40 && !(w.visible && w.y > 150 && w.y + w.h < 690); ++i) {
    const up = w.y > 400;  // the content moves up: the finger goes from bottom to top
    const distance = Math.min(Math.abs(w.y - 400), 450);
    await h.swipe(page, { x: 180, y: up ? 250 + distance : 250 }, { x: 180, y: up ? 250 : 250 + distance }, 6);
    await new Promise((r) => setTimeout(r, 150));
    w = await h.findWidget(page, label, kind);
  }
  assert.ok(w.visible, `«${label}» is dragged into view`);
  return w;
}

async function logInByTyping(page, touch) {
  await h.fill(page, 'Логин', 'roditel', { touch });
  await h.fill(page, 'Пароль', PARENT_PASSWORD, { touch });
  await h.click(page, 'Войти', { kind: 'button', touch });
}

test('the teacher marks a child; the parent on a phone switches children and finds the mark in its week', async () => {
  // The children as the parent's cabinet lists them (the API from node, the new password).
  const login = await h.apiLogin(server, 'roditel', PARENT_PASSWORD);
  assert.equal(login.status, 200);
  const { children: kids } = await (await fetch(`${server.url}/api/v1/children`, {
    headers: { Authorization: `Bearer ${login.body.token}` },
  })).json();
  assert.equal(kids.length, 2);
  // The demo teacher keeps «Вероятность и статистика» of 7А, where one of the children is.
  const pupil = kids.find((k) => k.class === '7А');
  assert.ok(pupil, JSON.stringify(kids));
  const [surname, given] = pupil.name.split(' ');
  const tabOf = (k) => `${k.name.split(' ')[1]}, ${k.class}`;

  // ---- The teacher types a 5 for that child ----
  const teacher = await h.openClient(browser, server, { viewport: { width: 1366, height: 768 } });
  await h.logIn(teacher.page, 'uchitel');
  await h.waitForWidget(teacher.page, 'Журнал', { kind: 'heading' });
  await h.choose(teacher.page, 'Группа', (o) => o.label === '7А — Вероятность и статистика');
  await h.waitForWidget(teacher.page, 'Ученик');
  const day = await lastHeldColumn(teacher.page);
  const cell = `${surname} ${given} · ${day}`;
  await h.click(teacher.page, cell, { kind: 'cell' });
  await h.waitForWidget(teacher.page, cell, { kind: 'cell', test: (w) => w.selected });
  await teacher.page.keyboard.type('5');
  await h.waitForWidget(teacher.page, cell, { kind: 'cell', test: (w) => w.value.endsWith('5') });
  await h.waitForWidget(teacher.page, 'Все изменения сохранены.');
  await teacher.context.close();

  // ---- The parent on a phone ----
  const { context, page, messages } = await h.openClient(browser, server, PHONE);
  await logInByTyping(page, true);
  const first = tabOf(kids[0]);
  const second = tabOf(kids[1]);
  await h.waitForWidget(page, first, { kind: 'tab', test: (w) => w.selected });
  await h.waitForWidget(page, `${kids[0].name}, ${kids[0].class}`, { kind: 'heading' });
  assert.ok(!JSON.stringify(await h.widgets(page)).includes(PARENT_PASSWORD), 'the password is never in the widget list');
  // Switch to the other child and back: each tap loads that child's week.
  await h.click(page, second, { kind: 'tab', touch: true });
  await h.waitForWidget(page, `${kids[1].name}, ${kids[1].class}`, { kind: 'heading' });
  await h.click(page, tabOf(pupil), { kind: 'tab', touch: true });
  await h.waitForWidget(page, `${pupil.name}, ${pupil.class}`, { kind: 'heading' });

  // Back to the week of the mark with «←».
  const now = new Date();
  const today = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), 12));
  const weeks = Math.round((mondayOf(today) - mondayOf(dayOfYear(day, today))) / (7 * 86400000));
  assert.ok(weeks >= 0 && weeks < 10, `the mark is ${weeks} weeks back`);
  for (let i = 0; i < weeks; ++i) {
    const before = (await h.widgets(page)).find((w) => w.kind === 'button' && w.label === '←');
    assert.ok(before);
    await h.click(page, '←', { kind: 'button', touch: true });
    await h.waitForWidget(page, 'Загрузка дневника…', { timeout: 300 }).catch(() => {});
  }
  const markLabel = `Отметка 5 · Вероятность и статистика · ${day}`;
  // Scrolled to by dragging a finger, as on a phone.
  const mark = await dragIntoView(page, markLabel, 'text');
  assert.ok(mark.value.startsWith('5 · '), mark.value);
  for (const w of (await h.widgets(page)).filter((x) => x.visible)) {
    assert.ok(w.x >= 0 && w.x + w.w <= 360.5, `«${w.label}» is inside the phone's width`);
  }
  const arrow = await h.findWidget(page, '←', 'button');
  assert.ok(arrow.h >= 44 && arrow.w >= 44, 'week buttons are large touch targets');
  await h.screenshot(page, 'diary-phone');
  // The sections on a phone: marks by subject.
  await dragIntoView(page, 'Оценки', 'tab');
  await h.click(page, 'Оценки', { kind: 'tab', touch: true });
  await h.waitForWidget(page, 'Вероятность и статистика', { kind: 'text' });
  await h.screenshot(page, 'diary-phone-marks');
  assert.deepEqual(messages.filter((m) => m.startsWith('pageerror')), []);
  await context.close();
});

test('on a desktop the same diary uses the width: the week beside the changes and recommendations', async () => {
  const { context, page, messages } = await h.openClient(browser, server, { viewport: { width: 1366, height: 900 } });
  await logInByTyping(page, false);
  await h.waitForWidget(page, 'Неделя', { kind: 'tab', test: (w) => w.selected });
  const day = await h.waitForWidget(page, 'Рекомендации учителей');
  const week = await h.waitForWidget(page, 'Неделя вперёд →', { kind: 'button' });
  assert.ok(day.x > 700, 'the recommendations stand in a column on the right');
  assert.ok(week.x + week.w > 1000, 'the week spreads over the width');
  await h.screenshot(page, 'diary-desktop');
  await h.click(page, 'Оценки', { kind: 'tab' });
  await h.waitForWidget(page, 'Средний балл');
  await h.screenshot(page, 'diary-desktop-marks');
  assert.deepEqual(messages.filter((m) => m.startsWith('pageerror')), []);
  await context.close();
});
