import { SchedulingCommand } from '../infrastructure/scheduling-command.js';
import type { Mandate } from '../series/series.events.js';

export interface PlanSeriesInput {
  seriesId: string;
  title: string;
  mandate?: Mandate | null;
  organiser: string;
  partners?: string[];
  description?: string | null;
}

export class PlanSeries extends SchedulingCommand<PlanSeriesInput> {}
