import type { ServerResponse } from 'node:http';
import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { commandMeta, expectedVersionFromIfMatch } from '@convene/platform';
import { CommandEndpoint } from '../http/command-endpoint.js';
import { CommandResponder } from '../http/command-responder.js';
import { SessionCommandAcceptedDto } from '../http/command-responses.dto.js';
import { MoveSession } from './move-session.command.js';
import { MoveSessionDto } from './move-session.dto.js';

@ApiTags('sessions')
@Controller('api/consultations/:id/sessions/:sessionId')
export class MoveSessionController {
  constructor(private readonly responder: CommandResponder) {}

  @Post('move')
  @CommandEndpoint('Move a session to another room', SessionCommandAcceptedDto, 200, ['RoomDoubleBooked', 'SessionCancelled', 'ConsultationCancelled'])
  async move(
    @Param('id') consultationId: string,
    @Param('sessionId') sessionId: string,
    @Body() body: MoveSessionDto,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<SessionCommandAcceptedDto> {
    const command = new MoveSession({ room: body.room ?? null, consultationId, sessionId }, commandMeta(), expectedVersionFromIfMatch());
    return { ...(await this.responder.run(command, res)), sessionId };
  }
}
