import { describe, expect, it } from '@jest/globals';
import type { StoredEvent } from '@convene/event-store';
import { auditEntryOf, consultationOf } from './audit-entry.js';

const PREFIXES = ['consultation-', 'registrations-', 'summary-'];

const event = (streamId: string, type: string, data: Record<string, unknown>, extra: Partial<StoredEvent['metadata']> = {}): StoredEvent => ({
  globalPosition: 1042n,
  transactionId: 900n,
  streamId,
  streamType: streamId.split('-')[0],
  version: 3,
  type,
  schemaVersion: 1,
  data,
  metadata: { eventId: 'e-1', correlationId: 'corr-1', causationId: null, actor: 'sec-amara', actorRole: 'secretariat', occurredAt: '2031-03-04T09:00:00.000Z', ...extra },
});

describe('consultationOf', () => {
  it('takes the id from the data, else from the name of one of the consultation streams', () => {
    expect(consultationOf(event('series-s1', 'ConsultationAddedToSeries', { seriesId: 's1', consultationId: 'c1' }), PREFIXES)).toBe('c1');
    expect(consultationOf(event('summary-c2', 'ChairSummaryKeyPointAdded', { keyPointId: 'k1' }), PREFIXES)).toBe('c2');
    expect(consultationOf(event('series-s1', 'SeriesPlanned', { seriesId: 's1' }), PREFIXES)).toBeNull();
    expect(consultationOf(event('summary-', 'ChairSummarySubmitted', {}), PREFIXES)).toBeNull();
  });
});

describe('auditEntryOf', () => {
  it('records who, what, when and where, and the ids the event is about, and none of its other data', () => {
    const registered = event('registrations-c1', 'ParticipantRegistered', {
      consultationId: 'c1',
      registrationId: 'r1',
      personId: 'p1',
      sessionIds: ['s1'],
      person: { givenName: 'Amina', familyName: 'Diallo', email: 'amina.diallo@example.org' },
      accessNeeds: 'wheelchair access',
    });
    const entry = auditEntryOf(registered, PREFIXES);
    expect(entry).toEqual({
      position: '1042',
      consultationId: 'c1',
      eventId: 'e-1',
      type: 'ParticipantRegistered',
      stream: 'registrations-c1',
      streamType: 'registrations',
      version: 3,
      actor: 'sec-amara',
      actorRole: 'secretariat',
      occurredAt: '2031-03-04T09:00:00.000Z',
      correlationId: 'corr-1',
      causationId: null,
      refs: { registrationId: 'r1' },
    });
    expect(JSON.stringify(entry)).not.toMatch(/Amina|Diallo|amina|wheelchair|p1/);
  });

  it('names no role when the event recorded none, and skips events of no consultation', () => {
    expect(auditEntryOf(event('summary-c2', 'ChairSummaryApproved', { edition: 1 }, { actorRole: undefined }), PREFIXES)).toMatchObject({
      consultationId: 'c2',
      actorRole: null,
      refs: {},
    });
    expect(auditEntryOf(event('series-s1', 'SeriesPlanned', { seriesId: 's1', title: 'Cyber' }), PREFIXES)).toBeNull();
  });
});
