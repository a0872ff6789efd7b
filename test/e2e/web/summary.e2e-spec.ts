/**
 * The Chair's summary in the browser: the Chair drafts, sees the Chatham House attribution
 * warning on the offending words themselves (the API's 422 spans, marked), rewords, submits and
 * approves; then anyone, signed in to nothing, reads the published summary.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { describeWeb, expectAccessible, openPage, screenshot, startWebApp, type WebApp } from '../../support/web.js';
import { plannedConsultation, type Planned } from './fixtures.js';

let web: WebApp;
let c: Planned;
const CHAIR = 'chair-lindqvist';
const ATTRIBUTED = 'Thailand said that the eleven norms of 2015 needed no regional additions.';
const REWORDED = 'Several participants held that the eleven norms of 2015 needed no regional additions.';

describeWeb("the Chair's summary in the browser", () => {
  beforeAll(async () => {
    web = await startWebApp();
    c = await plannedConsultation(web.t, await web.t.token('secretariat', 'sec-amara'), { chairSub: CHAIR, speaker: 'Kwame Mensah' });
  });
  afterAll(async () => web?.close());

  it('the Chair drafts, sees the attribution warning on the words, rewords, submits, approves and publishes', async () => {
    const { context, page } = await openPage(web, { token: await web.t.token('chair', CHAIR) });
    await page.goto('/manage');
    await page.getByRole('heading', { level: 1, name: 'Consultations you chair' }).waitFor();
    await page.getByRole('link', { name: /Consultation with the ASEAN Member States/ }).click();
    await page.getByRole('link', { name: 'Chair’s summary' }).click();
    await page.getByRole('button', { name: 'Start the Chair’s summary' }).click();
    await page.getByText('The summary is started').waitFor();

    const addSection = page.locator('form', { has: page.getByRole('heading', { name: 'Add a section' }) });
    await addSection.getByLabel('Kind').selectOption('introduction');
    await addSection.getByLabel('Section text').fill('The consultation brought together the delegations of the ASEAN Member States and other stakeholders.');
    await addSection.getByRole('button', { name: 'Add the section' }).click();
    await page.getByRole('heading', { level: 2, name: 'Introduction' }).waitFor();

    // A speaker's name in a section text: marked where it stands.
    await addSection.getByLabel('Kind').selectOption('session');
    await addSection.getByLabel('Session reported on').selectOption({ label: 'Multi-stakeholder panel' });
    await addSection.getByLabel('Section title').fill('Multi-stakeholder panel');
    await addSection.getByLabel('Section text').fill('A paper by Kwame Mensah framed the debate on regional norms.');
    await addSection.getByRole('button', { name: 'Add the section' }).click();
    await expect(addSection.locator('mark.attribution').innerText()).resolves.toContain('Kwame Mensah');
    await addSection.getByLabel('Section text').fill('A paper by a participant framed the debate on regional norms.');
    await addSection.getByRole('button', { name: 'Add the section' }).click();
    await page.getByRole('heading', { level: 2, name: 'Multi-stakeholder panel' }).waitFor();

    // An attributed statement in a key point: the 422 spans, marked on the words, with the reason.
    const newPoint = page.locator('form', { has: page.getByLabel('New key point in “Introduction”') });
    // Checked before it is saved: the same marks, and the reworded text passes.
    await newPoint.getByLabel('New key point in “Introduction”').fill(ATTRIBUTED);
    await newPoint.getByRole('button', { name: 'Check the wording' }).click();
    await expect(newPoint.locator('.attribution-warning mark.attribution').first().innerText()).resolves.toMatch(/^Thailand said/);
    await newPoint.getByLabel('New key point in “Introduction”').fill(REWORDED);
    await newPoint.getByRole('button', { name: 'Check the wording' }).click();
    await newPoint.getByText('No attribution found', { exact: false }).waitFor();
    await newPoint.getByLabel('New key point in “Introduction”').fill(ATTRIBUTED);
    await newPoint.getByRole('button', { name: 'Add the key point' }).click();
    const warning = newPoint.locator('.attribution-warning');
    await warning.waitFor();
    await expect(warning.locator('mark.attribution').first().innerText()).resolves.toMatch(/^Thailand said/);
    await expect(warning.innerText()).resolves.toContain('attributes a statement to a named State (Thailand)');
    await expect(warning.getByRole('button', { name: 'Waive the rule for this text' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'chair-01-attribution-warning');

    await newPoint.getByLabel('New key point in “Introduction”').fill(REWORDED);
    await newPoint.getByRole('button', { name: 'Add the key point' }).click();
    await page.getByText('Key point added to “Introduction”.').waitFor();
    await expect(page.getByLabel('Key point 1', { exact: true }).inputValue()).resolves.toBe(REWORDED);
    await expectAccessible(page, 'chair-02-draft');

    await page.getByRole('button', { name: 'Submit to the Chair' }).click();
    await page.getByText('Submitted to the Chair.').waitFor();
    await expect(page.locator('.summary-status').innerText()).resolves.toContain('Submitted to the Chair');
    await page.locator('.review-copy').getByText(REWORDED).waitFor();
    await expectAccessible(page, 'chair-03-review');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Approved.').waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('Published: everyone can read it now.').waitFor();
    await screenshot(page, 'chair-04-published');

    const versions = await web.t.http.get(`/api/consultations/${c.id}/summary/versions`).set('Authorization', `Bearer ${await web.t.token('chair', CHAIR)}`).expect(200);
    expect(versions.body.versions.find((v: { event: string }) => v.event === 'ChairSummaryApproved')).toMatchObject({ actor: CHAIR, actorRole: 'chair' });
    await context.close();
  });

  it('anyone reads the published summary, without signing in', async () => {
    const { context, page } = await openPage(web);
    await page.goto(`/consultations/${c.id}`);
    await page.getByRole('link', { name: 'Read the Chair’s summary' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chair’s summary' }).waitFor();
    await page.getByText(REWORDED).waitFor();
    await expect(page.locator('main').innerText()).resolves.toContain('Edition 1, published');
    await expect(page.locator('main').innerText()).resolves.toContain('Asia/Singapore (UTC+8)');
    expect(await page.locator('main').innerText()).not.toContain(ATTRIBUTED);
    await expectAccessible(page, 'public-01-summary');
    await context.close();
  });
});
