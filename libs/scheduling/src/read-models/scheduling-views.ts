import type { Countries, RegionalOrganisations, UnLanguage } from '@convene/reference-data';
import type { Person } from '../consultation/consultation.events.js';
import { type Consultation, type SessionState, statusOf } from '../consultation/consultation.state.js';
import type { ConsultationDocument } from './consultations.projection.js';
import type {
  AgendaItemDto,
  ConsultationDetailsDto,
  ConsultationSummaryDto,
  PersonViewDto,
  RegistrationViewDto,
  SeriesListItemDto,
  SeriesOverviewDto,
} from './scheduling-views.dto.js';
import type { SeriesDocument } from './series.projection.js';

/** Who is reading: the secretariat sees drafts; everyone else only announced consultations. */
export interface Viewer {
  secretariat: boolean;
}

export const canSee = (viewer: Viewer, consultation: Consultation) => viewer.secretariat || consultation.announced;

/** Reference names in the reader's language. */
export interface Names {
  countries: Countries;
  organisations: RegionalOrganisations;
  language: UnLanguage;
}

export interface Versioned<D> {
  version: number;
  doc: D;
}

const person = (p: Person | null): PersonViewDto | null => (p ? { personId: p.personId, name: p.name, affiliation: p.affiliation ?? null } : null);

function registration(c: Consultation): RegistrationViewDto {
  const r = c.registration;
  return { status: r.status, deadline: r.status === 'not-opened' ? null : { local: r.deadlineLocal, utc: r.deadlineUtc } };
}

export function summaryView({ version, doc }: Versioned<ConsultationDocument>, names: Names): ConsultationSummaryDto {
  const c = doc.consultation!;
  const organisation = c.regionalOrganisation === null ? undefined : names.organisations.find(c.regionalOrganisation);
  return {
    id: c.consultationId,
    seriesId: c.seriesId,
    title: c.title,
    status: statusOf(c),
    postponed: c.postponements.length > 0,
    regionalOrganisation: c.regionalOrganisation === null ? null : { code: c.regionalOrganisation, name: organisation?.names[names.language] ?? c.regionalOrganisation },
    hostMeeting: c.hostMeeting,
    venue: { ...c.venue, countryName: names.countries.name(c.venue.country, names.language) },
    timeZone: c.timeZone,
    startDate: c.startDate,
    endDate: c.endDate,
    capacity: c.capacity,
    workingLanguages: c.workingLanguages,
    registration: registration(c),
    version,
  };
}

/** Sessions in time order; a cancelled one stays, marked, so that nobody turns up for it. */
export const agendaOf = (c: Consultation): SessionState[] =>
  [...c.sessions].sort((a, b) => Date.parse(a.startUtc) - Date.parse(b.startUtc) || a.title.localeCompare(b.title));

function agendaItem(s: SessionState): AgendaItemDto {
  return {
    id: s.sessionId,
    title: s.title,
    kind: s.kind,
    access: s.access,
    status: s.cancelled ? 'cancelled' : 'scheduled',
    cancellationReason: s.cancelled?.reason ?? null,
    day: s.startLocal.slice(0, 10),
    start: { local: s.startLocal, utc: s.startUtc },
    end: { local: s.endLocal, utc: s.endUtc },
    room: s.room,
    chair: person(s.chair),
    moderator: person(s.moderator),
    speakers: s.speakers.map((p) => person(p)!),
    description: s.description,
    revision: s.revision,
  };
}

export function detailsView(row: Versioned<ConsultationDocument>, names: Names): ConsultationDetailsDto {
  const c = row.doc.consultation!;
  return { ...summaryView(row, names), cancellation: c.cancelled, postponements: c.postponements, agenda: agendaOf(c).map(agendaItem) };
}

export function seriesListItem(row: Versioned<SeriesDocument> & { consultations: number; first_date: string | null; last_date: string | null }): SeriesListItemDto {
  const { seriesId, title, mandate, organiser, partners } = row.doc.series!;
  return { id: seriesId, title, mandate, organiser, partners, version: row.version, consultations: row.consultations, firstDate: row.first_date, lastDate: row.last_date };
}

export function seriesView({ version, doc }: Versioned<SeriesDocument>, consultations: ConsultationSummaryDto[]): SeriesOverviewDto {
  const { seriesId, title, mandate, organiser, partners, description } = doc.series!;
  return { id: seriesId, title, mandate, organiser, partners, description, version, consultations };
}
