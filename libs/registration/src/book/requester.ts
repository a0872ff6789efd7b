import { RuleViolation } from '@convene/event-store';
import type { RegistrationRecord } from './registration-book.state.js';

/** Who asks, as far as a decision about someone's registration cares. */
export interface Requester {
  role: 'secretariat' | 'focal-point' | 'participant';
  /** Token subject: a participant's is their person id. */
  sub: string;
  /** A focal point's State. */
  state?: string;
}

/**
 * A participant acts on their own registration only; a focal point on the registrations of its
 * State's delegation; the secretariat on any.
 */
export function requireMayActOn(requester: Requester, r: Pick<RegistrationRecord, 'registrationId' | 'personId' | 'represents'>): void {
  if (requester.role === 'secretariat') return;
  if (requester.role === 'participant' && requester.sub !== r.personId) {
    throw new RuleViolation('RegistrationNotYours', 'A participant may act on their own registration only', 403, { registrationId: r.registrationId });
  }
  if (requester.role === 'focal-point' && r.represents.state !== requester.state) {
    throw new RuleViolation('FocalPointLimitedToOwnState', `A focal point acts for the delegation of its own State (${requester.state}) only`, 403, {
      registrationId: r.registrationId,
    });
  }
}
