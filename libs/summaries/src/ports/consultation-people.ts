/**
 * Port: the names of the people of a consultation, for the Chatham House attribution rule.
 *
 * Today the adapter knows the chairs, moderators and speakers of its sessions (scheduling).
 * Registration will add its participants: an adapter that merges both, or a second one behind
 * this port, is all it takes. Kept to one method so that a module holding people can serve it
 * without learning anything about summaries.
 */
export interface ConsultationPeople {
  /**
   * Display names ("Amina Diallo") of everyone taking part in the consultation. Erased names
   * ("[erased]") may be returned; they are ignored.
   */
  namesFor(consultationId: string): Promise<string[]>;
}

export const CONSULTATION_PEOPLE = Symbol('ConsultationPeople');
