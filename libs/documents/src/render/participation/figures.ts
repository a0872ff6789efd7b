import { GENDERS, type ParticipationReport, type Tally, type UnLanguage } from '../../document-model.js';
import { intlLocale } from '../../house-style/dates.js';
import { LABELS } from '../../house-style/labels.js';

/** One row of figures: a count and its share of all participants. */
export interface Figure {
  readonly label: string;
  readonly count: number;
  /** Percentage of all participants, one decimal; null when there are no participants. */
  readonly percent: number | null;
}

export const percentOf = (count: number, total: number): number | null => (total > 0 ? Math.round((count / total) * 1000) / 10 : null);

const figures = (tallies: readonly Tally[], total: number): Figure[] => tallies.map((t) => ({ label: t.label, count: t.count, percent: percentOf(t.count, total) }));

/** The report's tables, in the order both formats give them. */
export function participationFigures(report: ParticipationReport) {
  const language: UnLanguage = report.language ?? 'en';
  const labels = LABELS[language];
  const total = report.totals.participants;
  return {
    language,
    labels,
    stakeholderGroups: figures(report.byStakeholderGroup, total),
    genders: GENDERS.map((g) => ({ key: g, label: labels.genders[g], count: report.byGender[g], percent: percentOf(report.byGender[g], total) })),
    regions: figures(report.byRegion, total),
    states: figures(report.byState, total),
    coverage: report.regionalCoverage.map((c) => {
      const members = c.represented.length + c.notRepresented.length;
      return { ...c, members, percent: percentOf(c.represented.length, members) };
    }),
  };
}

/** Numbers as the language writes them, with Latin digits ("1,000", "1 000"; "48.8 %"). */
export function numberFormats(language: UnLanguage) {
  const count = new Intl.NumberFormat(intlLocale(language));
  const share = new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 1 });
  return { count: (n: number) => count.format(n), share: (percent: number | null) => (percent === null ? '–' : share.format(percent / 100)) };
}
