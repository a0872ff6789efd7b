import type { ServerResponse } from 'node:http';
import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { commandMeta, expectedVersionFromIfMatch } from '@convene/platform';
import { SessionTimesDto } from '../add-session/add-session.dto.js';
import { CommandEndpoint } from '../http/command-endpoint.js';
import { CommandResponder } from '../http/command-responder.js';
import { SessionCommandAcceptedDto } from '../http/command-responses.dto.js';
import { RescheduleSession } from './reschedule-session.command.js';

@ApiTags('sessions')
@Controller('api/consultations/:id/sessions/:sessionId')
export class RescheduleSessionController {
  constructor(private readonly responder: CommandResponder) {}

  @Post('reschedule')
  @CommandEndpoint('Move a session in time (venue clock)', SessionCommandAcceptedDto, 200, [
    'SessionOutsideConsultationDates',
    'SessionEndsBeforeItStarts',
    'RoomDoubleBooked',
    'PersonDoubleBooked',
    'SessionCancelled',
    'ConsultationCancelled',
  ])
  async reschedule(
    @Param('id') consultationId: string,
    @Param('sessionId') sessionId: string,
    @Body() body: SessionTimesDto,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<SessionCommandAcceptedDto> {
    const command = new RescheduleSession({ ...body, consultationId, sessionId }, commandMeta(), expectedVersionFromIfMatch());
    return { ...(await this.responder.run(command, res)), sessionId };
  }
}
