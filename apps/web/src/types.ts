/** The API's answers, as far as the interface reads them (OpenAPI at /api/docs-json). */

export interface LocalAndUtc {
  local: string;
  utc: string;
}

export interface PersonView {
  personId: string;
  name: string;
  affiliation: string | null;
}

export interface AgendaItem {
  id: string;
  title: string;
  kind: string;
  access: 'closed' | 'open';
  status: 'scheduled' | 'cancelled';
  cancellationReason: string | null;
  day: string;
  start: LocalAndUtc;
  end: LocalAndUtc;
  room: string | null;
  chair: PersonView | null;
  moderator: PersonView | null;
  speakers: PersonView[];
  description: string | null;
  revision: number;
}

export interface ConsultationSummary {
  id: string;
  seriesId: string;
  title: string;
  status: 'draft' | 'announced' | 'cancelled';
  postponed: boolean;
  regionalOrganisation: { code: string; name: string } | null;
  hostMeeting: string | null;
  venue: { city: string; country: string; countryName: string };
  timeZone: string;
  startDate: string;
  endDate: string;
  capacity: number;
  workingLanguages: string[];
  registration: { status: 'not-opened' | 'open' | 'closed'; deadline: LocalAndUtc | null };
  version: number;
}

export interface ConsultationDetails extends ConsultationSummary {
  cancellation: { reason: string } | null;
  agenda: AgendaItem[];
}

export interface SeriesListItem {
  id: string;
  title: string;
  mandate: { symbol: string; title: string } | null;
  organiser: string;
  partners: string[];
  version: number;
  consultations: number;
  firstDate: string | null;
  lastDate: string | null;
}

export interface SeriesOverview {
  id: string;
  title: string;
  mandate: { symbol: string; title: string } | null;
  organiser: string;
  partners: string[];
  description: string | null;
  version: number;
  consultations: ConsultationSummary[];
}

export interface Represents {
  state: string | null;
  organisation: string | null;
}

export interface RosterEntry {
  registrationId: string;
  consultationId: string;
  personId: string;
  status: string;
  channel: string;
  person: {
    honorific: string | null;
    givenName: string;
    familyName: string;
    email: string;
    affiliation: string | null;
    jobTitle: string | null;
    nationality: string | null;
  };
  stakeholderGroup: string;
  represents: Represents;
  role: string;
  sessionIds: string[];
  accessNeeds: string | null;
  registeredAt: string;
  attendance: Array<{ day: string; sessionId: string | null; at: string }>;
  erased?: boolean;
}

export interface RegistrationView extends RosterEntry {
  version: number;
  waitlistPosition: number | null;
}

export interface KeyPoint {
  keyPointId: string;
  text: string;
  version: number;
}

export interface Section {
  sectionId: string;
  kind: 'introduction' | 'session' | 'theme' | 'conclusions';
  title: string | null;
  text: string;
  sessionId: string | null;
  chathamHouse?: boolean | null;
  keyPoints: KeyPoint[];
}

export interface Footnote {
  footnoteId?: string;
  number: number;
  symbol: string | null;
  text: string | null;
  url: string | null;
  sectionId?: string | null;
}

export interface Summary {
  consultationId: string;
  status: string;
  edition: number;
  version: number;
  publishedAt?: string | null;
  correctionReason: string | null;
  chathamHouse?: boolean;
  sections: Section[];
  footnotes: Footnote[];
  changeRequests?: Array<{ comment: string; by: string; at?: string }>;
  editions?: Array<{ edition: number; version: number; publishedAt: string; correctionReason: string | null }>;
}
