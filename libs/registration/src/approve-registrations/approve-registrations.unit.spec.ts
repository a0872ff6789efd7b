import { describe, it } from '@jest/globals';
import { CONSULTATION, confirmedRegistrations, consultation, given, meta, past, SMALL } from '../book/registration-book.fixture.js';
import type { BookContext } from '../book/registration-book.rules.js';
import type { ApproveRegistrationsInput } from './approve-registrations.command.js';
import { decideApproveRegistrations } from './approve-registrations.decide.js';

const approve = (registrationIds: string[], allPending?: boolean) => (ctx: BookContext) =>
  decideApproveRegistrations({ consultationId: CONSULTATION, registrationIds, ...(allPending && { allPending }), meta: meta() } satisfies ApproveRegistrationsInput, ctx);

const confirmed = (registrationId: string) => ({ registrationId, status: 'confirmed', waitlistPosition: null });
const waitlisted = (registrationId: string, waitlistPosition: number) => ({ registrationId, status: 'waitlisted', waitlistPosition });

/** The consultation has three seats; the breakout session (SMALL) one of its own. */
describe('approve registrations', () => {
  it('confirms while the consultation has seats, then waitlists, saying the consultation was full', () => {
    given(past.registered('r1'), past.registered('r2'), past.registered('r3'), past.registered('r4'), past.registered('r5'))
      .when(approve(['r1', 'r2', 'r3', 'r4', 'r5']))
      .then(
        [past.confirmed('r1'), past.confirmed('r2'), past.confirmed('r3'), past.waitlisted('r4', true, []), past.waitlisted('r5', true, [])],
        [confirmed('r1'), confirmed('r2'), confirmed('r3'), waitlisted('r4', 1), waitlisted('r5', 2)],
      );
  });

  it('a session with seats of its own waitlists when it is full, whatever the consultation has left', () => {
    given(past.registered('r1', { sessionIds: [SMALL] }), past.registered('r2', { sessionIds: [SMALL] }))
      .when(approve(['r1', 'r2']))
      .then([past.confirmed('r1'), past.waitlisted('r2', false, [SMALL])], [confirmed('r1'), waitlisted('r2', 1)]);
  });

  it('names both when the consultation and the session are full', () => {
    given(
      ...[past.registered('r1', { sessionIds: [SMALL] }), past.registered('r2'), past.registered('r3'), past.registered('r4', { sessionIds: [SMALL] })],
      ...[past.confirmed('r1'), past.confirmed('r2'), past.confirmed('r3')],
    )
      .when(approve(['r4']))
      .then([past.waitlisted('r4', true, [SMALL])], [waitlisted('r4', 1)]);
  });

  it('counts the seats taken before, and a seat freed by a withdrawal is free again', () => {
    const full = [...confirmedRegistrations('r1', 'r2', 'r3'), past.registered('r4')];
    given(...full).when(approve(['r4'])).then([past.waitlisted('r4')], [waitlisted('r4', 1)]);
    given(...full, past.withdrawn('r2')).when(approve(['r4'])).then([past.confirmed('r4')], [confirmed('r4')]);
  });

  it('a registration waitlisted now goes behind those already waiting', () => {
    given(...confirmedRegistrations('r1', 'r2', 'r3'), past.registered('r4'), past.waitlisted('r4'), past.registered('r5'))
      .when(approve(['r5']))
      .then([past.waitlisted('r5')], [waitlisted('r5', 2)]);
  });

  it('approving a confirmed or waitlisted registration changes nothing and says where it stands', () => {
    given(...confirmedRegistrations('r1', 'r2', 'r3'), past.registered('r4'), past.registered('r5'), past.waitlisted('r4'), past.waitlisted('r5'))
      .when(approve(['r1', 'r5']))
      .then([], [confirmed('r1'), waitlisted('r5', 2)]);
  });

  it('an id given twice is decided once', () => {
    given(past.registered('r1')).when(approve(['r1', 'r1'])).then([past.confirmed('r1')], [confirmed('r1')]);
  });

  it('all pending: every pending registration in the order they came in, the others left as they are', () => {
    given(past.registered('r-b'), past.registered('r-a'), past.registered('r-c'), past.registered('r-d'), past.confirmed('r-c'), past.declined('r-d'))
      .when(approve([], true))
      .then([past.confirmed('r-b'), past.confirmed('r-a')], [confirmed('r-b'), confirmed('r-a')]);
  });

  it('ConsultationNotFound', () => {
    given(past.registered('r1')).on(undefined).when(approve(['r1'])).thenRefuses('ConsultationNotFound', 404);
  });

  it('ConsultationCancelled', () => {
    given(past.registered('r1')).on(consultation({ cancelled: true })).when(approve(['r1'])).thenRefuses('ConsultationCancelled', 409);
  });

  it('RegistrationNotFound: one unknown id refuses the whole request', () => {
    given(past.registered('r1'))
      .when(approve(['r1', 'r-unknown']))
      .thenRefuses('RegistrationNotFound', 404, { registrationIds: ['r-unknown'] });
  });

  it('RegistrationNotApprovable: declined, withdrawn and cancelled registrations, all named; the others are not approved either', () => {
    given(
      ...['r1', 'r2', 'r3', 'r4'].map((id) => past.registered(id)),
      ...[past.declined('r2'), past.withdrawn('r3'), past.cancelled('r4')],
    )
      .when(approve(['r1', 'r2', 'r3', 'r4']))
      .thenRefuses('RegistrationNotApprovable', 409, { registrationIds: ['r2', 'r3', 'r4'] });
  });
});
