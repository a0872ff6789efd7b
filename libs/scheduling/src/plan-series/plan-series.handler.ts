import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SchedulingStreams } from '../infrastructure/scheduling-streams.js';
import type { CommandOutcome } from '../infrastructure/scheduling-command.js';
import { SERIES_STREAM_TYPE } from '../series/series.events.js';
import { PlanSeries } from './plan-series.command.js';
import { planSeries } from './plan-series.decide.js';

@CommandHandler(PlanSeries)
export class PlanSeriesHandler implements ICommandHandler<PlanSeries> {
  constructor(private readonly streams: SchedulingStreams) {}

  async execute({ input, meta }: PlanSeries): Promise<CommandOutcome> {
    const replay = await this.streams.replayed(meta, input.seriesId);
    if (replay) return replay;
    const series = await this.streams.loadSeries(input.seriesId);
    const appended = await this.streams.append(series.streamId, SERIES_STREAM_TYPE, planSeries(input, series.state), series.version, meta);
    return { id: input.seriesId, streamId: series.streamId, version: appended.version, appended };
  }
}
