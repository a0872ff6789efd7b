import { RuleViolation } from '@convene/event-store';
import type { ConsultationEvent } from '../consultation/consultation.events.js';
import { requireNotCancelled } from '../consultation/consultation.rules.js';
import type { ConsultationState } from '../consultation/consultation.state.js';
import { shiftDate, startOfDay, toUtc } from '../consultation/local-time.js';
import type { OpenRegistrationInput } from './open-registration.command.js';

/** Registration opens for announced consultations only, and may reopen (with a new deadline) after closing. */
export function openRegistration({ consultationId, deadline }: OpenRegistrationInput, state: ConsultationState): ConsultationEvent[] {
  const consultation = requireNotCancelled(state, consultationId);
  if (!consultation.announced) {
    throw new RuleViolation('RegistrationRequiresAnnouncement', `Consultation ${consultationId} must be announced before registration opens`, 409, {
      consultationId,
    });
  }
  if (consultation.registration.status === 'open') {
    throw new RuleViolation('RegistrationAlreadyOpen', `Registration for consultation ${consultationId} is already open`, 409, { consultationId });
  }
  const deadlineUtc = toUtc(deadline, consultation.timeZone, 'deadline');
  if (deadline >= startOfDay(shiftDate(consultation.endDate, 1))) {
    throw new RuleViolation('RegistrationDeadlineAfterConsultationEnd', `The deadline ${deadline} falls after the consultation ends (${consultation.endDate})`, 422, {
      deadline,
      endDate: consultation.endDate,
    });
  }
  return [{ type: 'RegistrationOpened', data: { consultationId, deadlineLocal: deadline, deadlineUtc } }];
}
