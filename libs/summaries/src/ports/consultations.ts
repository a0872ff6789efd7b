/**
 * Port: what a summary needs to know about its consultation. A summary can only be started for a
 * consultation that exists, and the Chatham House rule is the default for closed sessions.
 */
export interface ConsultationFacts {
  consultationId: string;
  /** Its sessions, with whether each is closed (member-State delegations and organisers only). */
  sessions: Array<{ sessionId: string; closed: boolean }>;
  /**
   * Person ids of the Chairs the agenda names (the chair of any of its sessions): only they may
   * approve the summary or waive the attribution rule. Empty: no Chair named yet, any Chair may.
   */
  chairs: string[];
}

export interface Consultations {
  /** undefined: no such consultation. */
  find(consultationId: string): Promise<ConsultationFacts | undefined>;
}

export const CONSULTATIONS = Symbol('Consultations');

