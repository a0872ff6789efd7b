import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AppendResult, ProjectionRunner } from '@convene/event-store';
import { Allow, commandMeta } from '@convene/platform';
import { EraseParticipantData, type ErasureReply } from '../erase-participant-data/erase-participant-data.command.js';
import { ReasonBody } from './registration.dto.js';

/** A person across consultations: the data subject. */
@ApiTags('registration')
@Controller('api/people')
export class PeopleController {
  constructor(
    private readonly commands: CommandBus,
    private readonly runner: ProjectionRunner,
  ) {}

  @Post(':personId/erase')
  @HttpCode(200)
  @Allow('secretariat')
  @ApiOperation({
    summary: "Erase a person's data (the secretariat, with a reason that holds no personal data)",
    description:
      'Records ParticipantDataErased on each of their registrations and AgendaPersonDataErased on each agenda naming them (chair, moderator, speaker), then destroys their key: the events stay, every personal field reads "[erased]" ' +
      'in the store, the read models, the exports and the documents; counts stay right. Idempotent.',
  })
  async erase(@Param('personId') personId: string, @Body() body: ReasonBody) {
    const result: ErasureReply & { appended: AppendResult[] } = await this.commands.execute(new EraseParticipantData({ personId, reason: body.reason, meta: commandMeta() }));
    for (const appended of result.appended) await this.runner.waitForAppend(appended);
    return { personId, erased: true, consultations: result.consultations, agendas: result.agendas };
  }
}
