import type { ServerResponse } from 'node:http';
import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { commandMeta, expectedVersionFromIfMatch, newResourceId } from '@convene/platform';
import { CommandEndpoint } from '../http/command-endpoint.js';
import { CommandResponder } from '../http/command-responder.js';
import { CommandAcceptedDto } from '../http/command-responses.dto.js';
import { ScheduleConsultation } from './schedule-consultation.command.js';
import { ScheduleConsultationDto } from './schedule-consultation.dto.js';

@ApiTags('series')
@Controller('api/series/:id/consultations')
export class ScheduleConsultationController {
  constructor(private readonly responder: CommandResponder) {}

  /** If-Match here is the series' ETag; the answer's ETag is the new consultation's. */
  @Post()
  @CommandEndpoint('Schedule a consultation in the series', CommandAcceptedDto, 201, [
    'SeriesNotFound',
    'InvalidTimeZone',
    'ConsultationEndsBeforeItStarts',
    'UnknownRegionalOrganisation',
    'UnknownCountry',
  ])
  async schedule(@Param('id') seriesId: string, @Body() body: ScheduleConsultationDto, @Res({ passthrough: true }) res: ServerResponse): Promise<CommandAcceptedDto> {
    const consultationId = newResourceId();
    const accepted = await this.responder.run(new ScheduleConsultation({ ...body, seriesId, consultationId }, commandMeta(), expectedVersionFromIfMatch()), res);
    res.setHeader('Location', `/api/consultations/${consultationId}`);
    return accepted;
  }
}
