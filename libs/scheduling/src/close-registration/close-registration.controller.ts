import type { ServerResponse } from 'node:http';
import { Controller, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { commandMeta, expectedVersionFromIfMatch } from '@convene/platform';
import { CommandEndpoint } from '../http/command-endpoint.js';
import { CommandResponder } from '../http/command-responder.js';
import { CommandAcceptedDto } from '../http/command-responses.dto.js';
import { CloseRegistration } from './close-registration.command.js';

@ApiTags('consultations')
@Controller('api/consultations/:id')
export class CloseRegistrationController {
  constructor(private readonly responder: CommandResponder) {}

  @Post('close-registration')
  @CommandEndpoint('Close registration', CommandAcceptedDto, 200, ['RegistrationNotOpen', 'ConsultationCancelled'])
  close(@Param('id') consultationId: string, @Res({ passthrough: true }) res: ServerResponse): Promise<CommandAcceptedDto> {
    return this.responder.run(new CloseRegistration({ consultationId }, commandMeta(), expectedVersionFromIfMatch()), res);
  }
}
