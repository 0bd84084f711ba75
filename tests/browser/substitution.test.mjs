// Substitutions in a real browser against the real server with the demo school: the deputy
// registers one on «Замены» (a lesson of a class, a free teacher from the list); the substitute
// logs in, finds the group in the journal with that one lesson only, enters a mark there; a mark
// in another lesson of the group is refused by the server.
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

async function api(token, path, body) {
  const r = await fetch(server.url + path, {
    method: body ? 'POST' : 'GET',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.equal(r.status, 200, `${path}: ${r.status}`);
  return r.json();
}

const iso = (d) => d.toISOString().slice(0, 10);
const russian = (isoDay) => isoDay.split('-').reverse().join('.');
const short = (p) => `${p.last_name} ${p.first_name[0]}.\u00a0${p.middle_name ? `${p.middle_name[0]}.` : ''}`.trim();

test('the deputy registers a substitution; the substitute marks that lesson and no other of the group', async () => {
  const zavuch = (await h.apiLogin(server, 'zavuch')).body.token;
  const sub = (await h.apiLogin(server, 'klruk')).body.user;
  const s = await api(zavuch, '/api/v1/structure');
  const persons = new Map(s.persons.map((p) => [p.id, p]));
  const subjects = new Map(s.subjects.map((x) => [x.id, x.name]));
  const groups = new Map(s.groups.map((g) => [g.id, g]));
  const taught = new Set(s.workload.filter((w) => w.teacher_id === sub.person_id).map((w) => w.group_id));
  const led = new Set(s.classes.filter((c) => c.teacher_id === sub.person_id).map((c) => c.id));

  // A lesson of the last three days (marks there need no reason) of a whole class with marks
  // that the substitute neither teaches nor leads, at a number when the substitute keeps no lesson.
  let day;
  let lesson;
  for (let back = 0; back <= 3 && !lesson; ++back) {
    const d = iso(new Date(Date.now() - back * 86400000));
    const lessons = (await api(zavuch, `/api/v1/day-lessons?date=${d}`)).lessons;
    const busy = new Set(lessons.filter((l) => (l.substitute_id || l.teacher_id) === sub.person_id).map((l) => l.number));
    lesson = lessons.find((l) => {
      const g = groups.get(l.group_id);
      const grade = g && s.classes.find((c) => c.id === g.class_ids[0])?.grade;
      // Grade 1 learns without marks: a class from grade 5 up.
      return g && g.kind === 'class' && grade >= 5 && !taught.has(g.id) && !g.class_ids.some((c) => led.has(c)) &&
        !l.substitute_id && !busy.has(l.number) && l.teacher_id !== sub.person_id;
    });
    day = d;
  }
  assert.ok(lesson, 'no lesson of the last three days to substitute (a holiday?)');
  const group = groups.get(lesson.group_id);
  const subject = subjects.get(group.subject_id);
  const groupLabel = group.name.includes(subject) ? group.name : `${group.name} — ${subject}`;
  const className = (() => {
    const c = s.classes.find((x) => x.id === group.class_ids[0]);
    return `${c.grade}${c.letter}`;
  })();
  const subName = short(persons.get(sub.person_id));

  // ---- the deputy ----
  const desk = await h.openClient(browser, server, { viewport: { width: 1366, height: 768 } });
  let page = desk.page;
  await h.logIn(page, 'zavuch');
  await h.click(page, 'Планирование', { kind: 'tab' });  // the group holding the planning pages
  await h.waitForWidget(page, 'Замены', { kind: 'tab' });
  await h.click(page, 'Замены', { kind: 'tab' });
  await h.waitForWidget(page, 'Замены', { kind: 'heading' });
  await h.click(page, 'Дата', { kind: 'input' });
  await h.waitForWidget(page, 'Дата', { kind: 'input', test: (w) => w.focused });
  await page.keyboard.press('End');
  for (let i = 0; i < 12; ++i) await page.keyboard.press('Backspace');
  await page.keyboard.insertText(russian(day));
  await h.waitForWidget(page, 'Дата', { kind: 'input', test: (w) => w.value === russian(day) });
  await h.click(page, 'Показать', { kind: 'button' });
  await h.waitForWidget(page, `Замены на ${russian(day)}`);
  await h.choose(page, 'Класс', (o) => o.label === className);
  const row = `${lesson.number}-й урок, ${groupLabel}`;
  await h.click(page, row, { kind: 'row' });
  await h.waitForWidget(page, 'Свободные учителя');
  const candidates = (await h.widgets(page)).filter((w) => w.kind === 'row' && /предмет/.test(w.value));
  assert.ok(candidates.length > 0, 'no free teacher listed');
  // The lesson's own teacher is never offered.
  assert.ok(!candidates.some((w) => w.label === short(persons.get(lesson.teacher_id))));
  if (!(await h.widgets(page)).some((w) => w.kind === 'row' && w.label === subName)) {
    // Teachers of other subjects beyond the first few are behind «Показать всех свободных».
    const more = (await h.widgets(page)).find((w) => w.kind === 'button' && w.label.startsWith('Показать всех свободных'));
    assert.ok(more, 'the substitute is not listed');
    await h.click(page, more.label, { kind: 'button' });
  }
  await h.click(page, subName, { kind: 'row' });
  await h.click(page, `Назначить: ${subName}`, { kind: 'button' });
  await h.waitForWidget(page, `Замена назначена: ${subName}`, { kind: 'notice' });
  await h.waitForWidget(page, row, { kind: 'row', test: (w) => w.value.includes(`замена: ${subName}`) });
  await h.scrollIntoView(page, 'Замены', { kind: 'heading' });
  await h.screenshot(page, 'console-substitution');
  const after = (await api(zavuch, `/api/v1/day-lessons?date=${day}`)).lessons.find((l) => l.id === lesson.id);
  assert.equal(after.substitute_id, sub.person_id);
  await desk.context.close();

  // ---- the substitute ----
  const teacher = await h.openClient(browser, server, { viewport: { width: 1366, height: 768 } });
  page = teacher.page;
  await h.logIn(page, 'klruk');
  await h.waitForWidget(page, 'Журнал', { kind: 'heading' });
  await h.choose(page, 'Группа', (o) => o.label === groupLabel && o.value === 'замена');
  const column = russian(day).slice(0, 5);
  let cells = [];
  for (let i = 0; i < 100 && !cells.length; ++i) {
    cells = (await h.widgets(page)).filter((w) => w.kind === 'cell' && w.label.endsWith(` · ${column}`) && w.enabled);
    if (!cells.length) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(cells.length > 0, `no cell of ${column}`);
  // Only the substituted lesson is in the grid.
  const headers = (await h.widgets(page)).filter((w) => w.kind === 'header' && /^\d\d\.\d\d$/.test(w.label));
  assert.deepEqual(headers.map((w) => w.label), [column]);
  const target = cells[0].label;
  const before = (await api(zavuch, `/api/v1/journal?group_id=${group.id}&from=${day}&to=${day}`)).marks
    .filter((m) => m.lesson_id === lesson.id).length;
  await h.click(page, target, { kind: 'cell' });
  await h.waitForWidget(page, target, { kind: 'cell', test: (w) => w.selected });
  await page.keyboard.type('5');
  await h.waitForWidget(page, target, { kind: 'cell', test: (w) => w.value.endsWith('5') });
  await h.waitForWidget(page, 'Все изменения сохранены.');
  await h.screenshot(page, 'journal-substitute');
  const slice = await api(zavuch, `/api/v1/journal?group_id=${group.id}&from=${day}&to=${day}`);
  const marks = slice.marks.filter((m) => m.lesson_id === lesson.id);
  assert.equal(marks.length, before + 1, 'the mark is not on the server');
  assert.ok(marks.some((m) => m.value === '5'));

  // Another lesson of the group: the server refuses the substitute's mark.
  const week = await api(zavuch, `/api/v1/journal?group_id=${group.id}&from=${iso(new Date(Date.parse(day) - 7 * 86400000))}&to=${day}`);
  const other = week.lessons.find((l) => l.id !== lesson.id);
  assert.ok(other, 'no other lesson of the group that week');
  const student = slice.marks.find((m) => m.lesson_id === lesson.id).student_id;
  const answer = await page.evaluate(async (body) => {
    const r = await fetch('/api/v1/ops', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    return r.json();
  }, JSON.stringify({ ops: [{ op_id: '2f6c1a52-6d2e-4b7a-9a55-0c2d3e4f5a6b', kind: 'mark.add', client_time: Date.now(), device: 'web', base_version: 0,
    payload: { lesson_id: other.id, student_id: student, value: '4', type: 'answer', comment: '', reason: 'проверка' } }] }));
  assert.equal(answer.results[0].outcome, 'rejected', JSON.stringify(answer));
  assert.equal(answer.results[0].error.code, 'forbidden');
  // (The КТП of the group is not the substitute's: its 403 is the one expected resource error.)
  assert.deepEqual(teacher.messages.filter((m) => m.startsWith('pageerror')), []);
});

test('the deputy plans the week and the control works: «Расписание» and «Контрольные работы» at a desk', async () => {
  const { page, messages } = await h.openClient(browser, server, { viewport: { width: 1366, height: 768 } });
  await h.logIn(page, 'zavuch');
  await h.click(page, 'Планирование', { kind: 'tab' });  // opens «Расписание», the group's first page
  await h.waitForWidget(page, 'Расписание', { kind: 'heading' });
  const first = await h.waitForWidget(page, '1-й урок', { kind: 'row' });
  assert.match(first.value, /\d\d:\d\d–\d\d:\d\d/);
  // The class's lessons fill the grid; the conflicts line is there either way.
  const all = await h.widgets(page);
  assert.ok(all.some((w) => w.label === 'Конфликтов нет.' || w.label.startsWith('Конфликты: ')));
  assert.ok((await h.widgets(page)).filter((w) => w.kind === 'row' && /^(Пн|Вт|Ср|Чт|Пт|Сб), /.test(w.label)).length >= 20);
  await h.screenshot(page, 'console-timetable');
  // Under the week: the shifts' bell schedules, editable (the demo's first shift is chosen).
  await h.scrollIntoView(page, 'Сохранить звонки', { kind: 'button' });
  const shift = await h.waitForWidget(page, 'Смена', { kind: 'combo' });
  assert.match(shift.value, /смена/);
  const start = await h.waitForWidget(page, '1-й урок, начало', { kind: 'input' });
  assert.match(start.value, /^\d\d:\d\d$/);
  await h.screenshot(page, 'console-bells');
  await h.click(page, 'Контрольные работы', { kind: 'tab' });
  await h.waitForWidget(page, 'Контрольные работы', { kind: 'heading' });
  await h.waitForWidget(page, 'Работы месяца');
  await h.screenshot(page, 'console-calendar');
  assert.deepEqual(messages.filter((m) => m.startsWith('pageerror')), []);
});

// The first checkbox labelled `label` drawn after the text `anchor` (the week's ticks repeat the
// class names of the bells' ticks above them).
async function checkboxAfter(page, anchor, label) {
  const all = await h.widgets(page);
  const from = all.findIndex((w) => w.label === anchor);
  assert.ok(from >= 0, `no «${anchor}»`);
  const box = all.slice(from).find((w) => w.kind === 'checkbox' && w.label === label);
  assert.ok(box, `no «${label}» after «${anchor}»`);
  return box;
}

// Waits for a notice whose text starts with `prefix` (the rest holds figures).
async function noticeStarting(page, prefix, timeout = 20000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const w = (await h.widgets(page)).find((x) => x.kind === 'notice' && x.label.startsWith(prefix));
    if (w) return w;
    assert.ok(Date.now() < deadline, `no notice «${prefix}…» in ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('the deputy gives a class a six-day week, puts a Saturday lesson and regenerates the journal\'s lessons', async () => {
  const zavuch = (await h.apiLogin(server, 'zavuch')).body.token;
  const s = await api(zavuch, '/api/v1/structure');
  const nine = s.classes.find((c) => c.grade === 9);
  const name = `${nine.grade}${nine.letter}`;
  const { page, messages } = await h.openClient(browser, server, { viewport: { width: 1366, height: 768 } });
  await h.logIn(page, 'zavuch');
  await h.click(page, 'Планирование', { kind: 'tab' });
  await h.waitForWidget(page, 'Расписание', { kind: 'heading' });
  await h.choose(page, 'Класс', (o) => o.label === name);

  // «Учебная неделя»: the class's tick gives it six days.
  await h.scrollIntoView(page, 'Сформировать уроки', { kind: 'button' });
  const box = await checkboxAfter(page, 'Учебная неделя', name);
  assert.equal(box.selected, false);
  await page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
  await h.waitForWidget(page, `${name} учится шесть дней в неделю.`, { kind: 'notice' });
  // Ticked once the timetable comes back from the server.
  for (let i = 0; !(await checkboxAfter(page, 'Учебная неделя', name)).selected; ++i) {
    assert.ok(i < 200, 'the week\'s tick did not stay');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await h.screenshot(page, 'console-week');

  // A Saturday lesson for one of its groups, in the last lesson of the day.
  await h.choose(page, 'Группа', (o) => o.label.startsWith(`${name} — `));
  await h.choose(page, 'День недели', (o) => o.label === 'Суббота');
  const number = await h.choose(page, 'Номер урока', () => true);
  await h.click(page, 'Добавить урок', { kind: 'button' });
  await h.waitForWidget(page, `Урок добавлен: Суббота, ${number}.`, { kind: 'notice' });
  await h.waitForWidget(page, 'Сб', { kind: 'header' });

  // The journal's lessons from today (the field's default): the Saturdays are added.
  await h.scrollIntoView(page, 'Сформировать уроки', { kind: 'button' });
  await h.click(page, 'Сформировать уроки', { kind: 'button' });
  const done = await noticeStarting(page, 'Уроки сформированы по расписанию с ');
  const added = Number(/Новых уроков: (\d+)/.exec(done.label)?.[1]);
  assert.ok(added >= 5, done.label);
  await h.screenshot(page, 'console-lessons-generated');
  // The server has them: the next Saturday of the year has the class's lesson.
  const saturday = new Date();
  do saturday.setDate(saturday.getDate() + 1); while (saturday.getDay() !== 6);
  let found = false;
  for (let week = 0; week < 6 && !found; ++week) {
    const day = iso(new Date(saturday.getTime() + week * 7 * 86400000));
    const lessons = (await api(zavuch, `/api/v1/day-lessons?date=${day}`)).lessons;
    found = lessons.some((l) => s.groups.find((g) => g.id === l.group_id)?.class_ids.includes(nine.id));
  }
  assert.ok(found, 'no Saturday lesson of the class on the server');
  assert.deepEqual(messages.filter((m) => m.startsWith('pageerror')), []);
});
