import type { ServerResponse } from 'node:http';
import { Controller, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { commandMeta, expectedVersionFromIfMatch } from '@convene/platform';
import { CommandEndpoint } from '../http/command-endpoint.js';
import { CommandResponder } from '../http/command-responder.js';
import { CommandAcceptedDto } from '../http/command-responses.dto.js';
import { AnnounceConsultation } from './announce-consultation.command.js';

@ApiTags('consultations')
@Controller('api/consultations/:id')
export class AnnounceConsultationController {
  constructor(private readonly responder: CommandResponder) {}

  @Post('announce')
  @CommandEndpoint('Announce the consultation: it becomes public', CommandAcceptedDto, 200, ['ConsultationAlreadyAnnounced', 'ConsultationCancelled'])
  announce(@Param('id') consultationId: string, @Res({ passthrough: true }) res: ServerResponse): Promise<CommandAcceptedDto> {
    return this.responder.run(new AnnounceConsultation({ consultationId }, commandMeta(), expectedVersionFromIfMatch()), res);
  }
}
