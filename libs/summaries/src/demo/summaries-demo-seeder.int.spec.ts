/**
 * The Chair's summaries of the demo series, seeded through the real commands into the whole app
 * (the PostgreSQL server, else PGlite): published exactly as seeds/demo/chair-summaries.json has
 * them, with nothing for the attribution rule to find; an interrupted run completes; a second run
 * appends nothing.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import { EventStore } from '@convene/event-store';
import { DemoSeeder } from '@convene/scheduling';
import series from '../../../../seeds/demo/unidir-csis-cyber-workshops.json' with { type: 'json' };
import { startTestApp, type TestApp } from '../../../../test/support/app.js';
import { ChairSummaryQueries } from '../read-models/chair-summary/chair-summary.queries.js';
import { findAttributions } from '../summary/chatham-house.js';
import { demoKeyPointId, demoSummaries, SummariesDemoSeeder } from './summaries-demo-seeder.js';

let t: TestApp;
let seeder: SummariesDemoSeeder;
beforeAll(async () => {
  t = await startTestApp();
  seeder = t.app.get(SummariesDemoSeeder);
});
afterAll(async () => t?.close());

const head = () => t.app.get(EventStore).headPosition();

/** Everyone the attribution rule knows for a consultation: its sessions' chairs, moderators and speakers. */
function peopleOf(consultationId: string): string[] {
  const consultation = series.consultations.find((c) => c.id === consultationId)!;
  const keys = consultation.sessions.flatMap((s) => [s.chair, s.moderator, ...s.speakers]).filter((k): k is string => k !== null);
  return keys.map((k) => series.people[k as keyof typeof series.people].name);
}

/** A summary as the JSON describes it, in the shape of the published content. */
const expectedContent = (summary: (typeof demoSummaries.summaries)[number]) => ({
  sections: summary.sections.map(({ keyPoints, ...section }) => ({
    ...section,
    keyPoints: keyPoints.map((text, i) => ({ keyPointId: demoKeyPointId(section.sectionId, i), text })),
  })),
  footnotes: summary.footnotes.map((footnote, i) => ({ ...footnote, number: i + 1 })),
});

describe("the demo series' Chair's summaries", () => {
  it('refuses to run before the scheduling demo, and appends nothing', async () => {
    await expect(seeder.seed()).rejects.toThrow(/seed the scheduling demo \(DemoSeeder\) first/);
    expect(await head()).toBe(0n);
  });

  it('completes a run that was interrupted halfway', async () => {
    await t.app.get(DemoSeeder).seed();
    // Halfway through drafting the second summary: the first is published, the second half-written.
    const interruptAfter = 45;
    const bus = t.app.get(CommandBus);
    const execute = bus.execute.bind(bus);
    let calls = 0;
    const spy = jest.spyOn(bus, 'execute').mockImplementation(((command: Parameters<typeof execute>[0]) => {
      calls += 1;
      return calls > interruptAfter ? Promise.reject(new Error('interrupted')) : execute(command);
    }) as typeof bus.execute);
    try {
      await expect(seeder.seed()).rejects.toThrow('interrupted');
    } finally {
      spy.mockRestore();
    }
    const rest = await seeder.seed();
    expect(rest.appended).toBe(rest.commands - interruptAfter);
  });

  it('publishes every summary as the JSON has it, with nothing for the attribution rule to find', async () => {
    const queries = t.app.get(ChairSummaryQueries);
    for (const summary of demoSummaries.summaries) {
      const id = summary.consultationId;
      const editions = await queries.editions(id);
      expect(editions).toHaveLength(1);
      // Approved by the consultation's own Chair (the first the demo agenda names), published by the seed.
      const chairKey = series.consultations.find((c) => c.id === id)!.sessions.find((s) => s.chair !== null)!.chair as keyof typeof series.people;
      expect(editions[0]).toMatchObject({ edition: 1, approvedBy: series.people[chairKey].personId, publishedBy: 'convene-seed', correctionReason: null });
      const { sections, footnotes } = editions[0].content;
      expect({
        sections: sections.map(({ sectionId, kind, sessionId, title, text, keyPoints }) => ({
          sectionId,
          kind,
          sessionId,
          title,
          text,
          keyPoints: keyPoints.map(({ keyPointId, text: t }) => ({ keyPointId, text: t })),
        })),
        footnotes,
      }).toEqual(expectedContent(summary));

      // Approved by the Chair (role chair) with no waiver: the rule found nothing, and finds nothing now.
      const state = await queries.current(id);
      expect(state).toMatchObject({ status: 'published', chathamHouse: true, waivers: [], approval: { by: series.people[chairKey].personId } });
      const texts = [...sections.flatMap((s) => [s.title, s.text, ...s.keyPoints.map((k) => k.text)]), ...footnotes.flatMap((f) => f.text ?? [])];
      expect(texts.flatMap((text) => findAttributions(text, peopleOf(id)))).toEqual([]);

      // Anyone may read it.
      const published = await t.http.get(`/api/consultations/${id}/summary`).expect(200);
      expect(published.body).toMatchObject({ consultationId: id, status: 'published', edition: 1 });
      expect(published.body.sections.map((s: { sectionId: string }) => s.sectionId)).toEqual(summary.sections.map((s) => s.sectionId));
    }
  });

  it('seeding again appends nothing', async () => {
    const before = await head();
    expect((await t.app.get(DemoSeeder).seed()).appended).toBe(0);
    const again = await seeder.seed();
    expect(again).toEqual({ commands: again.commands, appended: 0 });
    expect(await head()).toBe(before);
  });
});
