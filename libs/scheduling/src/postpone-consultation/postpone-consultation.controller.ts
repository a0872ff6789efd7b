import type { ServerResponse } from 'node:http';
import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { commandMeta, expectedVersionFromIfMatch } from '@convene/platform';
import { CommandEndpoint } from '../http/command-endpoint.js';
import { CommandResponder } from '../http/command-responder.js';
import { CommandAcceptedDto } from '../http/command-responses.dto.js';
import { PostponeConsultation } from './postpone-consultation.command.js';
import { PostponeConsultationDto } from './postpone-consultation.dto.js';

@ApiTags('consultations')
@Controller('api/consultations/:id')
export class PostponeConsultationController {
  constructor(private readonly responder: CommandResponder) {}

  @Post('postpone')
  @CommandEndpoint('Postpone to later dates; the sessions move with it, keeping their local times', CommandAcceptedDto, 200, [
    'PostponementMustBeLater',
    'SessionOutsideConsultationDates',
    'LocalTimeDoesNotExist',
    'RoomDoubleBooked',
    'PersonDoubleBooked',
    'ConsultationCancelled',
  ])
  postpone(@Param('id') consultationId: string, @Body() body: PostponeConsultationDto, @Res({ passthrough: true }) res: ServerResponse): Promise<CommandAcceptedDto> {
    return this.responder.run(new PostponeConsultation({ ...body, consultationId }, commandMeta(), expectedVersionFromIfMatch()), res);
  }
}
