import type { ServerResponse } from 'node:http';
import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { commandMeta, newResourceId } from '@convene/platform';
import { CommandEndpoint } from '../http/command-endpoint.js';
import { CommandResponder } from '../http/command-responder.js';
import { CommandAcceptedDto } from '../http/command-responses.dto.js';
import { PlanSeries } from './plan-series.command.js';
import { PlanSeriesDto } from './plan-series.dto.js';

@ApiTags('series')
@Controller('api/series')
export class PlanSeriesController {
  constructor(private readonly responder: CommandResponder) {}

  @Post()
  @CommandEndpoint('Plan a series of consultations', CommandAcceptedDto, 201, ['SeriesAlreadyPlanned'])
  async plan(@Body() body: PlanSeriesDto, @Res({ passthrough: true }) res: ServerResponse): Promise<CommandAcceptedDto> {
    const seriesId = newResourceId();
    const accepted = await this.responder.run(new PlanSeries({ ...body, seriesId }, commandMeta()), res);
    res.setHeader('Location', `/api/series/${seriesId}`);
    return accepted;
  }
}
