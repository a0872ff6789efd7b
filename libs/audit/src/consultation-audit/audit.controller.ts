import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFound } from '@convene/event-store';
import { Allow } from '@convene/platform';
import { AUDIT_PAGE_SIZE, AuditPageDto, AuditQuery } from './audit.dto.js';
import { AuditQueries } from './audit.queries.js';

interface Response {
  setHeader(name: string, value: string): unknown;
}

@ApiTags('audit')
@Controller('api/consultations/:consultationId/audit')
export class AuditController {
  constructor(private readonly audit: AuditQueries) {}

  @Get()
  @Allow('secretariat')
  @ApiOperation({
    summary: 'Who did what and when to the consultation: every event of its streams, newest first (secretariat)',
    description:
      'Event type, stream, version, actor and role, time and correlation id, and the ids the event is about; never the ' +
      "event's data. Page with ?before=<next of the previous page>&limit=. Read from a projection: an event shows once " +
      'the projection has applied it.',
  })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiForbiddenResponse({ description: 'RoleNotAllowed: the secretariat only' })
  @ApiNotFoundResponse({ description: 'ConsultationNotFound: nothing was ever recorded for this id' })
  async list(@Param('consultationId') consultationId: string, @Query() query: AuditQuery, @Res({ passthrough: true }) res: Response): Promise<AuditPageDto> {
    // Who did what is for the secretariat's eyes: no shared cache keeps a copy.
    res.setHeader('Cache-Control', 'no-store');
    const page = await this.audit.page(consultationId, { before: query.before, limit: query.limit ?? AUDIT_PAGE_SIZE });
    if (page.entries.length === 0 && (query.before === undefined || !(await this.audit.hasTrail(consultationId)))) {
      throw new NotFound('Consultation', consultationId);
    }
    return { consultationId, ...page };
  }
}
