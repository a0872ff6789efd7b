import { NotFound, RuleViolation } from '@convene/event-store';
import type { ConsultationEvent } from '../consultation/consultation.events.js';
import { requireDates } from '../consultation/consultation.rules.js';
import type { ConsultationState } from '../consultation/consultation.state.js';
import { requireTimeZone } from '../consultation/local-time.js';
import type { SeriesEvent } from '../series/series.events.js';
import type { SeriesState } from '../series/series.state.js';
import type { ScheduleConsultationInput } from './schedule-consultation.command.js';

/** Codes the reference data knows, handed in so that the decision stays pure. */
export interface ReferenceCodes {
  organisations: ReadonlySet<string>;
  countries: ReadonlySet<string>;
}

export interface ScheduleConsultationContext {
  series: SeriesState;
  reference: ReferenceCodes;
}

/** Two streams change: the consultation is created, and the series records it. */
export interface ScheduleConsultationDecision {
  series: SeriesEvent[];
  consultation: ConsultationEvent[];
}

export function scheduleConsultation(
  input: ScheduleConsultationInput,
  state: ConsultationState,
  { series, reference }: ScheduleConsultationContext,
): ScheduleConsultationDecision {
  const { seriesId, consultationId } = input;
  if (!series) throw new NotFound('Series', seriesId);
  if (state) {
    throw new RuleViolation('ConsultationAlreadyScheduled', `Consultation ${consultationId} is already scheduled`, 409, { consultationId });
  }
  requireTimeZone(input.timeZone);
  requireDates(input.startDate, input.endDate);
  const regionalOrganisation = input.regionalOrganisation ?? null;
  if (regionalOrganisation !== null && !reference.organisations.has(regionalOrganisation)) {
    throw new RuleViolation('UnknownRegionalOrganisation', `${regionalOrganisation} is not a regional organisation in the reference data`, 422, {
      regionalOrganisation,
    });
  }
  if (!reference.countries.has(input.venue.country)) {
    throw new RuleViolation('UnknownCountry', `${input.venue.country} is not an ISO 3166-1 alpha-3 country code`, 422, {
      country: input.venue.country,
    });
  }
  return {
    // Already listed: a series written before both streams were appended in one transaction may list
    // an id whose consultation was never created (docs/adr/0010); scheduling it needs no second listing.
    series: series.consultationIds.includes(consultationId) ? [] : [{ type: 'ConsultationAddedToSeries', data: { seriesId, consultationId } }],
    consultation: [
      {
        type: 'ConsultationScheduled',
        data: {
          consultationId,
          seriesId,
          title: input.title,
          regionalOrganisation,
          hostMeeting: input.hostMeeting ?? null,
          venue: { city: input.venue.city, country: input.venue.country },
          timeZone: input.timeZone,
          startDate: input.startDate,
          endDate: input.endDate,
          capacity: input.capacity,
          workingLanguages: input.workingLanguages,
        },
      },
    ],
  };
}
