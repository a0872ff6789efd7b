/**
 * The secretariat in the browser: signing in with a pasted token, planning a series and a
 * consultation, editing its agenda in the timetable (venue time, zone named), reviewing
 * registrations with filters, bulk approval into the waitlist, and checking people in by keyboard.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { describeWeb, expectAccessible, openPage, screenshot, startWebApp, waitForCount, type WebApp } from '../../support/web.js';
import { plannedConsultation, register } from './fixtures.js';

let web: WebApp;
let secretariat: string;

describeWeb('the secretariat in the browser', () => {
  beforeAll(async () => {
    web = await startWebApp();
    secretariat = await web.t.token('secretariat', 'sec-amara');
  });
  afterAll(async () => web?.close());

  it('signs in with a token, plans a series and a consultation, and edits its agenda in the timetable', async () => {
    const { context, page } = await openPage(web);
    await page.goto('/sign-in');
    await page.getByLabel('Access token').fill('not a token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This is not a token').waitFor();
    await page.getByLabel('Access token').fill(secretariat);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/manage');
    await page.getByRole('heading', { level: 1, name: 'Series and consultations' }).waitFor();
    await expectAccessible(page, 'secretariat-01-manage');

    await page.getByRole('button', { name: 'Plan a new series' }).click();
    await page.getByLabel(/^Title/).fill('International Security Cyber Workshop Series');
    await page.getByLabel('Partners').fill('UNIDIR, CSIS');
    await page.getByRole('button', { name: 'Plan the series' }).click();
    await page.waitForURL(/\/manage\/series\/[0-9a-f-]+$/);
    const seriesId = page.url().split('/').pop()!;
    // Planned, still without a consultation, it is on the staff's start page.
    await page.goto('/manage');
    const planned = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'International Security Cyber Workshop Series', exact: true }) });
    await planned.getByText('No consultation is scheduled in it yet.').waitFor();
    await planned.getByRole('link', { name: 'International Security Cyber Workshop Series' }).click();
    await page.waitForURL(`**/manage/series/${seriesId}`);

    // A validation error lands next to its field.
    await page.getByRole('button', { name: 'Schedule the consultation' }).click();
    await page.locator('.field-invalid').first().waitFor();
    expect(await page.getByLabel(/^Title/).getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel(/^Title/).fill('Regional perspectives on international security in cyberspace: ASEAN');
    await page.getByLabel('Regional organisation').selectOption('ASEAN');
    await page.getByLabel('Held alongside (host meeting)').fill('Singapore International Cyber Week');
    await page.getByLabel('Venue city').fill('Singapore');
    await page.getByLabel('Venue country code').fill('SGP');
    await page.getByLabel('Venue time zone').fill('Asia/Singapore');
    await page.getByLabel('Seats').fill('90');
    await page.getByLabel('First day (at the venue)').fill('2027-09-20');
    await page.getByLabel('Last day (at the venue)').fill('2027-09-21');
    await expectAccessible(page, 'secretariat-02-schedule-consultation');
    await page.getByRole('button', { name: 'Schedule the consultation' }).click();
    await page.waitForURL(/\/manage\/consultations\/[0-9a-f-]+$/);
    const consultationId = page.url().split('/').pop()!;
    await expect(page.locator('.zone-banner').innerText()).resolves.toContain('Asia/Singapore (UTC+8)');

    const addSession = async (day: string, start: string, end: string, title: string, access: 'open' | 'closed', room: string) => {
      const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add a session' }) });
      await form.getByLabel('Day').selectOption(day);
      await form.getByLabel('Starts').fill(start);
      await form.getByLabel('Ends').fill(end);
      await form.getByLabel('Title').fill(title);
      await form.getByLabel('Kind').selectOption(access === 'closed' ? 'closed-consultation' : 'panel');
      await form.getByLabel('Access').selectOption(access);
      await form.getByLabel('Room').fill(room);
      await form.getByRole('button', { name: 'Add the session' }).click();
    };
    await addSession('2027-09-20', '09:00', '10:30', 'Closed session of the ASEAN Member States', 'closed', 'Workshop Room 1');
    await page.getByText('Added “Closed session of the ASEAN Member States”').waitFor();
    await addSession('2027-09-20', '09:30', '11:00', 'Parallel briefing for observers', 'open', 'Workshop Room 2');
    await page.getByText('Added “Parallel briefing for observers”').waitFor();
    await addSession('2027-09-21', '14:00', '15:30', 'Sovereignty and international law', 'open', 'Workshop Room 1');
    await page.getByText('Added “Sovereignty and international law”').waitFor();

    // A session that ends before it starts: the rule, in words, next to "Ends".
    await addSession('2027-09-21', '16:00', '15:00', 'Backwards', 'open', 'Workshop Room 1');
    const ends = page.locator('form', { has: page.getByRole('heading', { name: 'Add a session' }) }).locator('.field-invalid', { has: page.getByLabel('Ends') });
    await expect(ends.locator('.field-error').innerText()).resolves.toContain('must end after it starts');

    // The timetable: a column per day, parallel sessions side by side, times at the venue.
    const closed = page.getByRole('button', { name: /09:00–10:30 Closed session of the ASEAN Member States/ });
    const parallel = page.getByRole('button', { name: /09:30–11:00 Parallel briefing/ });
    const [a, b] = [await closed.boundingBox(), await parallel.boundingBox()];
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 2);
    expect(b!.y).toBeGreaterThan(a!.y);
    await expectAccessible(page, 'secretariat-03-timetable');

    // Reschedule from the timetable, keyboard only: focus the block, Enter opens its editor.
    await parallel.focus();
    await page.keyboard.press('Enter');
    const editor = page.locator('section', { has: page.getByRole('heading', { name: 'Edit “Parallel briefing for observers”' }) });
    await editor.getByLabel('Starts').fill('11:00');
    await editor.getByLabel('Ends').fill('12:30');
    await editor.getByRole('button', { name: 'Reschedule' }).click();
    await page.getByText('Moved “Parallel briefing for observers” to Mon 20 Sept 11:00–12:30 (Asia/Singapore (UTC+8))').waitFor();
    await page.getByRole('button', { name: /11:00–12:30 Parallel briefing/ }).waitFor();
    await expectAccessible(page, 'secretariat-04-session-editor');

    await page.getByRole('button', { name: 'Announce the consultation' }).click();
    await page.getByText('Announced: the consultation is public now.').waitFor();
    await page.getByLabel(/Registration deadline \(Asia\/Singapore \(UTC\+8\)\)/).fill('2027-09-10T18:00');
    await page.getByRole('button', { name: 'Open registration' }).click();
    await page.getByText('Registration is open.').waitFor();
    await screenshot(page, 'secretariat-05-announced');

    const details = await web.t.http.get(`/api/consultations/${consultationId}`).expect(200);
    expect(details.body).toMatchObject({ seriesId, status: 'announced', timeZone: 'Asia/Singapore', registration: { status: 'open', deadline: { local: '2027-09-10T18:00' } } });
    expect(details.body.agenda.map((s: { title: string; start: { local: string }; end: { local: string } }) => [s.title, s.start.local, s.end.local])).toEqual([
      ['Closed session of the ASEAN Member States', '2027-09-20T09:00', '2027-09-20T10:30'],
      ['Parallel briefing for observers', '2027-09-20T11:00', '2027-09-20T12:30'],
      ['Sovereignty and international law', '2027-09-21T14:00', '2027-09-21T15:30'],
    ]);
    await context.close();
  });

  it('reviews registrations with filters, approves in bulk, and watches capacity and the waitlist', async () => {
    const c = await plannedConsultation(web.t, secretariat, { capacity: 3 });
    await register(web.t, c.id, [
      { givenName: 'Noor', familyName: 'Rahman', group: 'member-state', state: 'MYS' },
      { givenName: 'Arief', familyName: 'Santoso', group: 'member-state', state: 'IDN' },
      { givenName: 'Mai', familyName: 'Nguyen', group: 'member-state', state: 'VNM' },
      { givenName: 'Farida', familyName: 'Okonkwo', group: 'academia', organisation: 'University of Lagos' },
      { givenName: 'Lena', familyName: 'Fischer', group: 'civil-society', organisation: 'Access Now' },
    ]);
    const { context, page } = await openPage(web, { token: secretariat });
    await page.goto(`/manage/consultations/${c.id}/registrations`);
    await page.getByText('0 of 3 seats confirmed').waitFor();
    const rows = page.locator('tbody tr');
    await waitForCount(page, 'tbody tr', 5);

    await page.getByLabel('Stakeholder group').selectOption('member-state');
    await waitForCount(page, 'tbody tr', 3);
    await page.getByLabel('State').selectOption('IDN');
    await waitForCount(page, 'tbody tr', 1);
    await expect(rows.first().innerText()).resolves.toContain('Arief Santoso');
    await expectAccessible(page, 'secretariat-06-registrations-filtered');

    await page.getByLabel('State').selectOption('');
    await waitForCount(page, 'tbody tr', 3);
    await page.getByLabel('Select Noor Rahman').check();
    await page.getByLabel('Select Mai Nguyen').check();
    await page.getByRole('button', { name: 'Approve selected (2)' }).click();
    await page.getByText('Approved 2: 2 confirmed, 0 waitlisted.').waitFor();
    await page.getByText('2 of 3 seats confirmed').waitFor();

    await page.getByLabel('Stakeholder group').selectOption('');
    await page.getByRole('button', { name: 'Approve all pending (3)' }).click();
    await page.getByText('Approved 3: 1 confirmed, 2 waitlisted.').waitFor();
    await page.getByText('3 of 3 seats confirmed').waitFor();
    const waitlist = page.getByRole('list', { name: 'Waitlist, in the order seats are offered' }).locator('li');
    await expect(waitlist.allInnerTexts()).resolves.toEqual([expect.stringContaining('Farida Okonkwo'), expect.stringContaining('Lena Fischer')]);

    await page.getByLabel('Status').selectOption('waitlisted');
    await waitForCount(page, 'tbody tr', 2);
    await expectAccessible(page, 'secretariat-07-waitlist');

    // Farida lost her personal link: a new one, which opens her registration.
    await page.getByRole('button', { name: 'New link for Farida Okonkwo' }).click();
    const link = await page.getByLabel('New personal link for Farida Okonkwo').inputValue();
    expect(link).toMatch(/\/registrations\/[0-9a-f-]+#token=/);
    const own = await context.newPage();
    await own.goto(link);
    await own.getByText('Farida', { exact: false }).first().waitFor();
    await own.close();

    const api = await web.t.http.get(`/api/consultations/${c.id}/waitlist`).set('Authorization', `Bearer ${secretariat}`).expect(200);
    expect(api.body.waitlist.map((w: { name: string }) => w.name)).toEqual(['Farida Okonkwo', 'Lena Fischer']);

    // The roster downloads with the token (the API sends it to the secretariat only).
    await page.getByRole('link', { name: 'Downloads' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Roster (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`roster-${c.id}.csv`);
    const csv = await (await download.createReadStream()).toArray();
    expect(Buffer.concat(csv).toString('utf8')).toContain('Okonkwo');
    await expectAccessible(page, 'secretariat-08-downloads');
    await context.close();
  });

  it('checks people in at the door: type, Enter, next', async () => {
    const c = await plannedConsultation(web.t, secretariat);
    const [noor, , mai] = await register(web.t, c.id, [
      { givenName: 'Noor', familyName: 'Rahman', group: 'member-state', state: 'MYS' },
      { givenName: 'Nurul', familyName: 'Huda', group: 'member-state', state: 'BRN' },
      { givenName: 'Mai', familyName: 'Nguyễn', group: 'member-state', state: 'VNM' },
    ]);
    await web.t.http.post(`/api/consultations/${c.id}/registrations/approve`).set('Authorization', `Bearer ${secretariat}`).send({ allPending: true }).expect(200);
    const { context, page } = await openPage(web, { token: secretariat });
    await page.goto(`/manage/consultations/${c.id}/check-in`);
    const search = page.getByRole('combobox', { name: 'Search by name' });
    await search.waitFor();
    await expect(page.getByLabel('Day').inputValue()).resolves.toBe('2027-06-17');

    await search.focus();
    await page.keyboard.type('rahm');
    await expect(page.getByRole('listbox').getByRole('option', { selected: true }).innerText()).resolves.toContain('Noor Rahman');
    await expectAccessible(page, 'secretariat-09-check-in-search');
    await page.keyboard.press('Enter');
    await page.getByText('Checked in: Noor Rahman, Thursday, 17 June 2027.').waitFor();
    await expect(search.inputValue()).resolves.toBe('');
    await expect(page.evaluate('document.activeElement?.getAttribute("role")')).resolves.toBe('combobox');

    // Without diacritics, and the second match by arrow key.
    await page.keyboard.type('n');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('guyen');
    await expect(page.getByRole('listbox').getByRole('option', { selected: true }).innerText()).resolves.toContain('Mai Nguyễn');
    await page.keyboard.press('Enter');
    await page.getByText('Checked in: Mai Nguyễn, Thursday, 17 June 2027.').waitFor();
    await page.getByText('2 of 3 confirmed participants checked in').waitFor();
    await expectAccessible(page, 'secretariat-10-check-in-done');

    const roster = await web.t.http.get(`/api/consultations/${c.id}/roster`).set('Authorization', `Bearer ${secretariat}`).expect(200);
    const attended = roster.body.registrations.filter((r: { attendance: unknown[] }) => r.attendance.length > 0).map((r: { registrationId: string }) => r.registrationId);
    expect(attended.sort()).toEqual([noor, mai].sort());
    await context.close();
  });
});
