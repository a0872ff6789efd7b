import { RuleViolation } from '@convene/event-store';
import type { RegistrationEvent } from '../book/registration-book.events.js';
import { type BookContext, type Decision, fullFor, requireConsultation, requireNotCancelled, seatCount, take } from '../book/registration-book.rules.js';
import type { ApprovalOutcome, ApproveRegistrationsInput } from './approve-registrations.command.js';

/**
 * Each pending registration gets a seat if the consultation and every session it chose with
 * seats of its own still have one, and joins the end of the waitlist otherwise. Approving one
 * already confirmed or waitlisted changes nothing. A bulk approval is all or nothing: one id
 * that is unknown or not approvable refuses the whole request.
 */
export function decideApproveRegistrations(cmd: ApproveRegistrationsInput, ctx: BookContext): Decision<ApprovalOutcome[]> {
  const consultation = requireConsultation(ctx);
  requireNotCancelled(consultation);
  const { book } = ctx;
  const ids = cmd.allPending
    ? [...book.registrations.values()].filter((r) => r.status === 'pending').map((r) => r.registrationId)
    : [...new Set(cmd.registrationIds)];
  const unknown = ids.filter((id) => !book.get(id));
  if (unknown.length > 0) {
    throw new RuleViolation('RegistrationNotFound', 'Some registrations are not registrations for this consultation', 404, { registrationIds: unknown });
  }
  const closed = ids.filter((id) => !['pending', 'confirmed', 'waitlisted'].includes(book.get(id)!.status));
  if (closed.length > 0) {
    throw new RuleViolation('RegistrationNotApprovable', 'Declined, withdrawn and cancelled registrations cannot be approved', 409, {
      registrationIds: closed,
    });
  }
  const count = seatCount(book);
  let waitlistLength = book.waitlist.length;
  const events: RegistrationEvent[] = [];
  const reply = ids.map((id): ApprovalOutcome => {
    const r = book.get(id)!;
    if (r.status !== 'pending') {
      const position = r.status === 'waitlisted' ? book.waitlist.indexOf(id) + 1 : null;
      return { registrationId: id, status: r.status, waitlistPosition: position };
    }
    const about = { consultationId: book.consultationId, registrationId: id, personId: r.personId };
    const full = fullFor(count, r.sessionIds, consultation);
    if (!full.consultationFull && full.fullSessionIds.length === 0) {
      take(count, r.sessionIds);
      events.push({ type: 'RegistrationConfirmed', data: about });
      return { registrationId: id, status: 'confirmed', waitlistPosition: null };
    }
    events.push({ type: 'RegistrationWaitlisted', data: { ...about, ...full } });
    waitlistLength += 1;
    return { registrationId: id, status: 'waitlisted', waitlistPosition: waitlistLength };
  });
  return { events, reply };
}
