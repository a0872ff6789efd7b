import { RuleViolation } from '@convene/event-store';
import type { RegistrationEvent } from '../book/registration-book.events.js';
import {
  type BookContext,
  checkClosedSessions,
  checkRepresentation,
  chosenSessions,
  type Decision,
  fullFor,
  promotions,
  requireConsultation,
  requireNotCancelled,
  requireRegistration,
  requireRegistrationVersion,
  requireNotErased,
  seatCount,
  statusForbids,
} from '../book/registration-book.rules.js';
import { ACTIVE_STATUSES, type RegistrationStatus } from '../book/registration-book.state.js';
import { requireMayActOn } from '../book/requester.js';
import type { ChangeRegistrationDetailsInput } from './change-registration-details.command.js';

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The same rules as at registration hold for the registration as it would be after the change.
 * A confirmed participant joining a session that is full is refused (the seat is not theirs to
 * take); one leaving a session frees its seat for the waitlist.
 */
export function decideChangeRegistrationDetails(cmd: ChangeRegistrationDetailsInput, ctx: BookContext): Decision<{ status: RegistrationStatus; promoted: string[] }> {
  const consultation = requireConsultation(ctx);
  requireNotCancelled(consultation);
  const r = requireRegistration(ctx.book, cmd.registrationId);
  requireMayActOn(cmd.requester, r);
  requireRegistrationVersion(r, cmd.expectedVersion);
  requireNotErased(ctx.book, r);
  if (!ACTIVE_STATUSES.includes(r.status)) statusForbids(r, 'changed');
  const { changes } = cmd;
  const after = {
    stakeholderGroup: changes.stakeholderGroup ?? r.stakeholderGroup,
    represents: changes.represents ?? r.represents,
  };
  if (cmd.requester.role === 'focal-point' && after.represents.state !== cmd.requester.state) {
    throw new RuleViolation('FocalPointLimitedToOwnState', `A focal point's delegates represent its own State (${cmd.requester.state})`, 403, { field: 'represents.state' });
  }
  checkRepresentation(after);
  const sessions = chosenSessions(consultation, changes.sessionIds ?? r.sessionIds);
  checkClosedSessions(after, sessions, consultation, ctx.memberships);
  const sessionIds = sessions.map((s) => s.sessionId);
  const sessionsChanged = changes.sessionIds !== undefined && !sameSet(sessionIds, r.sessionIds);
  const about = { consultationId: ctx.book.consultationId, registrationId: r.registrationId, personId: r.personId };
  const events: RegistrationEvent[] = [
    {
      type: 'RegistrationDetailsChanged',
      data: {
        ...about,
        ...(changes.person && { person: changes.person }),
        ...(changes.publicListingConsent !== undefined && { publicListingConsent: changes.publicListingConsent }),
        ...(changes.stakeholderGroup && { stakeholderGroup: changes.stakeholderGroup }),
        ...(changes.represents && { represents: changes.represents }),
        ...(changes.role && { role: changes.role }),
        ...(sessionsChanged && { sessionIds }),
        ...(changes.accessNeeds !== undefined && { accessNeeds: changes.accessNeeds }),
      },
    },
  ];
  if (sessionsChanged && r.status === 'confirmed') {
    const count = seatCount(ctx.book);
    const joined = sessionIds.filter((s) => !r.sessionIds.includes(s));
    const full = fullFor(count, joined, consultation).fullSessionIds;
    if (full.length > 0) {
      throw new RuleViolation('SessionFull', 'Some sessions asked for have no seat left', 409, { field: 'sessionIds', sessionIds: full });
    }
    for (const s of r.sessionIds) count.bySession.set(s, (count.bySession.get(s) ?? 0) - 1);
    for (const s of sessionIds) count.bySession.set(s, (count.bySession.get(s) ?? 0) + 1);
    events.push(...promotions(ctx.book, consultation, count, r.registrationId));
  } else if (sessionsChanged && r.status === 'waitlisted') {
    // Leaving a full session may be all it took: the registration takes a seat if one is free
    // for it now and nobody ahead of it on the waitlist fits first.
    events.push(...promotions(ctx.book, consultation, seatCount(ctx.book), r.registrationId, new Map([[r.registrationId, sessionIds]])));
  }
  const promoted = events.filter((e) => e.type === 'WaitlistedRegistrationPromoted').map((e) => e.data.registrationId);
  return { events, reply: { status: r.status, promoted } };
}
