/**
 * A participant in the browser, signed in to nothing: the public registration form and its
 * messages next to the fields (the API's problem+json mapped to inputs, named rules in words),
 * the confirmation page with the agenda as .ics, withdrawal with their own token; and the same
 * form on a phone, 375 px wide.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { describeWeb, expectAccessible, openPage, startWebApp, type WebApp } from '../../support/web.js';
import { plannedConsultation } from './fixtures.js';

let web: WebApp;
let secretariat: string;

const fieldError = (page: Page, label: string | RegExp) => page.locator('.field', { has: page.getByLabel(label) }).locator('.field-error');

describeWeb('a participant in the browser', () => {
  beforeAll(async () => {
    web = await startWebApp();
    secretariat = await web.t.token('secretariat', 'sec-amara');
  });
  afterAll(async () => web?.close());

  it('registers, is told what to fix next to each field, gets the confirmation and the .ics, and withdraws', async () => {
    const c = await plannedConsultation(web.t, secretariat);
    const { context, page } = await openPage(web);
    await page.goto('/');
    await page.getByRole('link', { name: /Consultation with the ASEAN Member States/ }).first().click();
    await page.getByText('Asia/Singapore (UTC+8)').first().waitFor();
    await expectAccessible(page, 'participant-01-consultation');
    await page.getByRole('link', { name: 'Register' }).click();
    await page.waitForURL(`**/consultations/${c.id}/register`);

    // Nothing filled in: the API's field errors, each next to its input, and a summary that takes the focus.
    await page.getByRole('button', { name: 'Register' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'The registration was not sent' });
    await summary.waitFor();
    await expect(page.evaluate('document.activeElement?.textContent ?? ""')).resolves.toContain('The registration was not sent');
    await expect(fieldError(page, /^Given name/).innerText()).resolves.toContain('This field is required.');
    await expect(fieldError(page, /^E-mail address/).innerText()).resolves.toContain('Enter an e-mail address');
    await expect(fieldError(page, /^Stakeholder group/).innerText()).resolves.toContain('Choose one of the options.');
    expect(await page.getByLabel(/^Given name/).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'participant-02-validation-errors');

    await page.getByLabel(/^Given name/).fill('Lena');
    await page.getByLabel(/^Family name/).fill('Fischer');
    await page.getByLabel(/^E-mail address/).fill('lena.fischer@example');
    await page.getByLabel(/^Stakeholder group/).selectOption('civil-society');
    await page.getByLabel(/^Organisation represented/).fill('Access Now');
    await page.getByLabel(/^Role/).selectOption('observer');
    await page.getByLabel(/Closed session of the Member States/).check();
    await page.getByLabel(/Multi-stakeholder panel/).check();
    await page.getByRole('button', { name: 'Register' }).click();
    await expect(fieldError(page, /^E-mail address/).innerText()).resolves.toContain('Enter an e-mail address');

    // A named rule of the API, in words, on the sessions it is about.
    await page.getByLabel(/^E-mail address/).fill('lena.fischer@example.org');
    await page.getByRole('button', { name: 'Register' }).click();
    const sessions = page.locator('fieldset', { has: page.getByText('Sessions you will attend') });
    await expect(sessions.locator('.field-error').innerText()).resolves.toContain('Closed sessions are only for delegates of the member States');
    await expect(sessions.locator('.check-invalid').innerText()).resolves.toContain('Closed session of the Member States');
    await expectAccessible(page, 'participant-03-closed-session-rule');

    await page.getByLabel(/Closed session of the Member States/).uncheck();
    await page.getByLabel('List my name and affiliation in the public list of participants').check();
    await page.getByRole('button', { name: 'Register' }).click();
    await page.waitForURL(/\/registrations\/[0-9a-f-]+$/);
    const registrationId = page.url().split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: 'Thank you: your registration is received' }).waitFor();
    await expect(page.locator('.facts').innerText()).resolves.toMatch(/Pending/);
    await expect(page.locator('main').innerText()).resolves.toContain('11:00–12:30 (Asia/Singapore (UTC+8)): Multi-stakeholder panel');
    await expectAccessible(page, 'participant-04-confirmation');

    const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download the agenda for your calendar/ }).click()]);
    const calendar = Buffer.concat(await (await ics.createReadStream()).toArray()).toString('utf8');
    expect(calendar).toContain('BEGIN:VCALENDAR');
    expect(calendar).toContain('TZID:Asia/Singapore');
    expect(calendar).toContain('Multi-stakeholder panel');

    // The personal link works in another browser (no sessionStorage there): it withdraws.
    const link = await page.getByRole('textbox', { name: 'Personal link' }).inputValue();
    expect(link).toContain(`/registrations/${registrationId}#token=`);
    const other = await openPage(web);
    await other.page.goto(link);
    await other.page.getByRole('button', { name: 'Withdraw my registration…' }).click();
    await other.page.getByLabel('Reason (optional)').fill('Unable to travel');
    await expectAccessible(other.page, 'participant-05-withdraw');
    await other.page.getByRole('button', { name: 'Withdraw my registration', exact: true }).click();
    await other.page.getByText('Your registration is withdrawn.').waitFor();
    await other.page.getByRole('heading', { level: 1, name: 'Registration withdrawn' }).waitFor();
    expect(other.page.url()).not.toContain('token=');

    const after = await web.t.http.get(`/api/registrations/${registrationId}`).set('Authorization', `Bearer ${secretariat}`).expect(200);
    expect(after.body).toMatchObject({ status: 'withdrawn', stakeholderGroup: 'civil-society', represents: { organisation: 'Access Now' }, sessionIds: [c.openSession] });
    await other.context.close();
    await context.close();
  });

  it('works on a phone, 375 px wide: agenda, registration form and timetable without sideways scrolling', async () => {
    const c = await plannedConsultation(web.t, secretariat);
    const { context, page } = await openPage(web, { width: 375, height: 812 });
    const noSidewaysScroll = async () => expect(page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(375);

    await page.goto(`/consultations/${c.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await noSidewaysScroll();
    await expectAccessible(page, 'phone-01-consultation');

    await page.getByRole('link', { name: 'Register' }).click();
    await page.getByLabel(/^Given name/).fill('Arief');
    await page.getByLabel(/^Family name/).fill('Santoso');
    await page.getByLabel(/^E-mail address/).fill('arief.santoso@example.org');
    await page.getByLabel(/^Stakeholder group/).selectOption('member-state');
    await page.getByLabel(/^State represented/).selectOption('IDN');
    await page.getByLabel(/^Role/).selectOption('head-of-delegation');
    await page.getByLabel(/Closed session of the Member States/).check();
    await noSidewaysScroll();
    await expectAccessible(page, 'phone-02-registration-form');
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you: your registration is received' }).waitFor();
    await noSidewaysScroll();
    await expectAccessible(page, 'phone-03-confirmation');
    await context.close();

    // The secretariat's timetable turns into a list in time order on the phone.
    const staff = await openPage(web, { width: 375, height: 812, token: secretariat });
    await staff.page.goto(`/manage/consultations/${c.id}`);
    const blocks = staff.page.locator('.tt-session');
    await blocks.first().waitFor();
    const [first, second] = [await blocks.nth(0).boundingBox(), await blocks.nth(1).boundingBox()];
    expect(second!.y).toBeGreaterThanOrEqual(first!.y + first!.height);
    expect(Math.abs(second!.x - first!.x)).toBeLessThan(2);
    await expect(staff.page.evaluate('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(375);
    await expectAccessible(staff.page, 'phone-04-timetable');
    await staff.context.close();
  });
});
