import type { ServerResponse } from 'node:http';
import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { commandMeta, expectedVersionFromIfMatch, newResourceId } from '@convene/platform';
import { CommandEndpoint } from '../http/command-endpoint.js';
import { CommandResponder } from '../http/command-responder.js';
import { SessionCommandAcceptedDto } from '../http/command-responses.dto.js';
import { AddSession } from './add-session.command.js';
import { AddSessionDto } from './add-session.dto.js';

@ApiTags('sessions')
@Controller('api/consultations/:id/sessions')
export class AddSessionController {
  constructor(private readonly responder: CommandResponder) {}

  @Post()
  @CommandEndpoint('Add a session to the agenda (times at the venue clock)', SessionCommandAcceptedDto, 201, [
    'SessionOutsideConsultationDates',
    'SessionEndsBeforeItStarts',
    'LocalTimeDoesNotExist',
    'RoomDoubleBooked',
    'PersonDoubleBooked',
    'ClosedSessionNeedsRegionalOrganisation',
    'ConsultationCancelled',
  ])
  async add(@Param('id') consultationId: string, @Body() body: AddSessionDto, @Res({ passthrough: true }) res: ServerResponse): Promise<SessionCommandAcceptedDto> {
    const sessionId = newResourceId();
    const accepted = await this.responder.run(new AddSession({ ...body, consultationId, sessionId }, commandMeta(), expectedVersionFromIfMatch()), res);
    res.setHeader('Location', `/api/consultations/${consultationId}`);
    return { ...accepted, sessionId };
  }
}
