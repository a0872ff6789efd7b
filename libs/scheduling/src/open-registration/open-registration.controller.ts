import type { ServerResponse } from 'node:http';
import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { commandMeta, expectedVersionFromIfMatch } from '@convene/platform';
import { CommandEndpoint } from '../http/command-endpoint.js';
import { CommandResponder } from '../http/command-responder.js';
import { CommandAcceptedDto } from '../http/command-responses.dto.js';
import { OpenRegistration } from './open-registration.command.js';
import { OpenRegistrationDto } from './open-registration.dto.js';

@ApiTags('consultations')
@Controller('api/consultations/:id')
export class OpenRegistrationController {
  constructor(private readonly responder: CommandResponder) {}

  @Post('open-registration')
  @CommandEndpoint('Open registration until a deadline at the venue clock', CommandAcceptedDto, 200, [
    'RegistrationRequiresAnnouncement',
    'RegistrationAlreadyOpen',
    'RegistrationDeadlineAfterConsultationEnd',
    'ConsultationCancelled',
  ])
  open(@Param('id') consultationId: string, @Body() body: OpenRegistrationDto, @Res({ passthrough: true }) res: ServerResponse): Promise<CommandAcceptedDto> {
    return this.responder.run(new OpenRegistration({ ...body, consultationId }, commandMeta(), expectedVersionFromIfMatch()), res);
  }
}
