import { Controller, Get, Header, Inject, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { NotFound, RuleViolation } from '@convene/event-store';
import { Allow, RequestContext, setEtag } from '@convene/platform';
import { type Requester, requireMayActOn } from '../book/requester.js';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../book/registration-book.state.js';
import { ReferenceDataAdapter } from '../infrastructure/reference-data.adapter.js';
import { type Consultations, REGISTRATION_CONSULTATIONS } from '../ports/consultations.js';
import { participationFigures } from '../read-models/participation/participation.js';
import { rosterCsv, rosterXlsx } from '../read-models/roster/roster.export.js';
import { RosterQueries } from '../read-models/roster/roster.queries.js';

interface Response {
  setHeader(name: string, value: string): unknown;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Roster, waitlist, attendance and participation figures; personal data for the secretariat only. */
@ApiTags('registration')
@Controller('api')
export class RegistrationQueriesController {
  constructor(
    private readonly roster: RosterQueries,
    private readonly reference: ReferenceDataAdapter,
    @Inject(REGISTRATION_CONSULTATIONS) private readonly consultations: Consultations,
  ) {}

  private async consultation(consultationId: string) {
    const found = await this.consultations.find(consultationId);
    if (!found) throw new NotFound('Consultation', consultationId);
    return found;
  }

  @Get('registrations/:registrationId')
  @Allow('secretariat', 'participant', 'focal-point')
  @ApiOperation({ summary: 'A registration with its history: the secretariat, the participant themselves, or their State’s focal point' })
  async registration(@Param('registrationId') registrationId: string, @Res({ passthrough: true }) res: Response) {
    const found = await this.roster.registration(registrationId);
    if (!found) throw new NotFound('Registration', registrationId);
    const { principal, actingRole } = RequestContext.get();
    requireMayActOn({ role: actingRole as Requester['role'], sub: principal!.sub, state: principal?.state }, found.entry);
    setEtag(res, found.version);
    const { status, waitlistSeq, consultationId } = found.entry;
    const waitlistPosition = status === 'waitlisted' && waitlistSeq !== null ? await this.roster.waitlistPosition(consultationId, waitlistSeq) : null;
    return { ...found.entry, version: found.version, waitlistPosition };
  }

  @Get('consultations/:consultationId/roster')
  @Allow('public')
  @ApiQuery({ name: 'view', required: false, enum: ['public', 'secretariat'] })
  @ApiQuery({ name: 'status', required: false, enum: REGISTRATION_STATUSES })
  @ApiQuery({ name: 'stakeholderGroup', required: false })
  @ApiQuery({ name: 'state', required: false })
  @ApiOperation({
    summary: 'The roster: for the secretariat every registration with personal data (filters: status, stakeholderGroup, state); for everyone else, and with ?view=public, the confirmed participants who consented, by name',
  })
  async rosterView(
    @Param('consultationId') consultationId: string,
    @Query('view') view: string | undefined,
    @Query('status') status: string | undefined,
    @Query('stakeholderGroup') stakeholderGroup: string | undefined,
    @Query('state') state: string | undefined,
  ) {
    if (view !== undefined && view !== 'public' && view !== 'secretariat') throw new RuleViolation('UnknownRosterView', 'view must be public or secretariat', 400, { field: 'view' });
    if (status !== undefined && !(REGISTRATION_STATUSES as readonly string[]).includes(status)) {
      throw new RuleViolation('UnknownRegistrationStatus', `status must be one of ${REGISTRATION_STATUSES.join(', ')}`, 400, { field: 'status' });
    }
    const consultation = await this.consultation(consultationId);
    const secretariat = RequestContext.get().actingRole === 'secretariat';
    if (!secretariat || view === 'public') {
      return { consultationId, title: consultation.title, view: 'public', participants: await this.roster.publicRoster(consultationId) };
    }
    const entries = await this.roster.roster(consultationId, { status: status as RegistrationStatus | undefined, stakeholderGroup, state });
    return { consultationId, title: consultation.title, view: 'secretariat', registrations: entries };
  }

  @Get('consultations/:consultationId/waitlist')
  @Allow('secretariat')
  @ApiOperation({ summary: 'The waitlist in order: who gets the next freed seat' })
  async waitlist(@Param('consultationId') consultationId: string) {
    await this.consultation(consultationId);
    const entries = await this.roster.waitlist(consultationId);
    return {
      consultationId,
      waitlist: entries.map((e, i) => ({ position: i + 1, registrationId: e.registrationId, name: `${e.person.givenName} ${e.person.familyName}`, stakeholderGroup: e.stakeholderGroup, represents: e.represents, sessionIds: e.sessionIds })),
    };
  }

  @Get('consultations/:consultationId/participation')
  @Allow('secretariat', 'chair')
  @ApiOperation({ summary: 'Participation figures: by stakeholder group, gender, UN regional group and State; attendance per day and session; regional coverage with its sentence' })
  async participation(@Param('consultationId') consultationId: string) {
    const consultation = await this.consultation(consultationId);
    return participationFigures(consultation, await this.roster.roster(consultationId), this.reference);
  }

  @Get('consultations/:consultationId/roster.csv')
  @Allow('secretariat')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'The roster as CSV (RFC 4180, UTF-8)' })
  async rosterCsv(@Param('consultationId') consultationId: string, @Res({ passthrough: true }) res: Response) {
    await this.consultation(consultationId);
    res.setHeader('Content-Disposition', `attachment; filename="roster-${consultationId}.csv"`);
    return rosterCsv(await this.roster.roster(consultationId), (c) => this.reference.stateName(c));
  }

  @Get('consultations/:consultationId/roster.xlsx')
  @Allow('secretariat')
  @ApiOperation({ summary: 'The roster as an Excel workbook' })
  async rosterXlsx(@Param('consultationId') consultationId: string, @Res({ passthrough: true }) res: Response) {
    const consultation = await this.consultation(consultationId);
    const buffer = await rosterXlsx(await this.roster.roster(consultationId), (c) => this.reference.stateName(c), consultation.title);
    res.setHeader('Content-Type', XLSX_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="roster-${consultationId}.xlsx"`);
    return new StreamableFile(buffer);
  }
}
