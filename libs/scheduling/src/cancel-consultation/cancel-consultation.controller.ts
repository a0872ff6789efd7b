import type { ServerResponse } from 'node:http';
import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { commandMeta, expectedVersionFromIfMatch } from '@convene/platform';
import { CommandEndpoint } from '../http/command-endpoint.js';
import { CommandResponder } from '../http/command-responder.js';
import { CommandAcceptedDto } from '../http/command-responses.dto.js';
import { ReasonDto } from '../http/shared.dto.js';
import { CancelConsultation } from './cancel-consultation.command.js';

@ApiTags('consultations')
@Controller('api/consultations/:id')
export class CancelConsultationController {
  constructor(private readonly responder: CommandResponder) {}

  @Post('cancel')
  @CommandEndpoint('Cancel the consultation (recorded, not deleted); nothing about it changes afterwards', CommandAcceptedDto, 200, ['ConsultationCancelled'])
  cancel(@Param('id') consultationId: string, @Body() body: ReasonDto, @Res({ passthrough: true }) res: ServerResponse): Promise<CommandAcceptedDto> {
    return this.responder.run(new CancelConsultation({ ...body, consultationId }, commandMeta(), expectedVersionFromIfMatch()), res);
  }
}
