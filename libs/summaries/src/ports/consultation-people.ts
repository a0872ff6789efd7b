/**
 * Port: the names of the people of a consultation, for the Chatham House attribution rule.
 *
 * The adapter knows the chairs, moderators and speakers of its sessions (scheduling) and its
 * registered participants (registration). Kept to one method so that a module holding people
 * can serve it without learning anything about summaries.
 */
export interface ConsultationPeople {
  /**
   * Display names ("Amina Diallo") of everyone taking part in the consultation. Erased names
   * ("[erased]") may be returned; they are ignored.
   */
  namesFor(consultationId: string): Promise<string[]>;
}

export const CONSULTATION_PEOPLE = Symbol('ConsultationPeople');
