import type { ServerResponse } from 'node:http';
import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { commandMeta, expectedVersionFromIfMatch } from '@convene/platform';
import { CommandEndpoint } from '../http/command-endpoint.js';
import { CommandResponder } from '../http/command-responder.js';
import { SessionCommandAcceptedDto } from '../http/command-responses.dto.js';
import { ReasonDto } from '../http/shared.dto.js';
import { CancelSession } from './cancel-session.command.js';

@ApiTags('sessions')
@Controller('api/consultations/:id/sessions/:sessionId')
export class CancelSessionController {
  constructor(private readonly responder: CommandResponder) {}

  @Post('cancel')
  @CommandEndpoint('Cancel a session (it stays on the agenda, marked cancelled)', SessionCommandAcceptedDto, 200, ['SessionCancelled', 'ConsultationCancelled'])
  async cancel(
    @Param('id') consultationId: string,
    @Param('sessionId') sessionId: string,
    @Body() body: ReasonDto,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<SessionCommandAcceptedDto> {
    const command = new CancelSession({ ...body, consultationId, sessionId }, commandMeta(), expectedVersionFromIfMatch());
    return { ...(await this.responder.run(command, res)), sessionId };
  }
}
