import { type Gender, GENDERS, type ParticipationReport } from '@convene/documents';
import type { ParticipationFigures } from '@convene/registration';
import type { Consultation } from '@convene/scheduling';
import type { ReportNames } from './chair-summary.model.js';

const tallies = (counts: ParticipationFigures['byState']) => counts.map(({ label, count }) => ({ label, count }));

/** The participation report (figures and charts) of a consultation, from its participation figures. */
export function participationReport(consultation: Consultation, figures: ParticipationFigures, names: ReportNames, asOf: string | null): ParticipationReport {
  const byGender = Object.fromEntries(GENDERS.map((g) => [g, figures.byGender.find((c) => c.key === g)?.count ?? 0])) as Record<Gender, number>;
  const coverage = figures.regionalCoverage;
  return {
    language: 'en',
    consultation: {
      title: consultation.title,
      dates: { startDate: consultation.startDate, endDate: consultation.endDate },
      venue: { city: consultation.venue.city, country: names.countryName(consultation.venue.country) },
    },
    asOf,
    totals: { participants: figures.participants, states: figures.byState.length },
    byStakeholderGroup: tallies(figures.byStakeholderGroup),
    byGender,
    byRegion: tallies(figures.byRegion),
    byState: tallies(figures.byState),
    regionalCoverage: coverage
      ? [
          {
            organisation: coverage.organisationName,
            represented: coverage.represented.map((s) => s.name),
            notRepresented: coverage.notRepresented.map((s) => s.name),
            sentence: coverage.sentence,
          },
        ]
      : [],
  };
}
