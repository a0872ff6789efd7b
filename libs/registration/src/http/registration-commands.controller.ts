import { Body, Controller, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CommandMeta, NotFound, ProjectionRunner, RuleViolation } from '@convene/event-store';
import { Allow, commandMeta, expectedVersionFromIfMatch, newResourceId, RequestContext, setEtag, TokenIssuer } from '@convene/platform';
import { ApproveRegistrations, type ApprovalOutcome } from '../approve-registrations/approve-registrations.command.js';
import type { BookOutcome } from '../book/registration-books.js';
import type { Requester } from '../book/requester.js';
import { CancelRegistration } from '../cancel-registration/cancel-registration.command.js';
import { ChangeRegistrationDetails } from '../change-registration-details/change-registration-details.command.js';
import { CheckIn, type CheckInReply, UndoCheckIn } from '../check-in/check-in.command.js';
import { DeclineRegistration } from '../decline-registration/decline-registration.command.js';
import { RosterQueries } from '../read-models/roster/roster.queries.js';
import { ReissueParticipantLink } from '../reissue-participant-link/reissue-participant-link.command.js';
import { RegisterParticipant, type RegistrationReply } from '../register-participant/register-participant.command.js';
import { WithdrawRegistration } from '../withdraw-registration/withdraw-registration.command.js';
import {
  BulkApproveBody,
  ChangeRegistrationBody,
  CheckInBody,
  OptionalReasonBody,
  ReasonBody,
  RegisterParticipantBody,
  UndoCheckInBody,
} from './registration.dto.js';

interface Response {
  setHeader(name: string, value: string): unknown;
  status(code: number): unknown;
}

/** How long the participant's own token (to see, change or withdraw their registration) lasts. */
const PARTICIPANT_TOKEN_LIFETIME = '120d';

/** The caller as a requester of a change to someone's registration. */
function requester(meta: CommandMeta): Requester {
  const { principal } = RequestContext.get();
  return { role: meta.actorRole as Requester['role'], sub: meta.actor, ...(principal?.state && { state: principal.state }) };
}

/**
 * Registration: participants register, focal points nominate their State's delegates, the
 * secretariat decides, keeps the waitlist and checks people in. Each answer waits until the
 * roster has the change (read-your-writes).
 */
@ApiTags('registration')
@Controller('api')
export class RegistrationCommandsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly runner: ProjectionRunner,
    private readonly roster: RosterQueries,
    private readonly tokens: TokenIssuer,
  ) {}

  private async run<R>(command: object, res?: Response): Promise<BookOutcome<R>> {
    const outcome: BookOutcome<R> = await this.commands.execute(command as never);
    // Under a burst the roster may lag: the next command naming this registration looks it up there.
    if (outcome.appended) await this.runner.waitForAppend(outcome.appended, 10_000);
    return outcome;
  }

  /** The consultation a registration belongs to (the paths name only the registration). */
  private async consultationOf(registrationId: string): Promise<string> {
    const consultationId = await this.roster.consultationOf(registrationId);
    if (!consultationId) throw new NotFound('Registration', registrationId);
    return consultationId;
  }

  @Post('consultations/:consultationId/registrations')
  @Allow('public')
  @ApiOperation({
    summary: 'Register (anyone, while registration is open), nominate (a focal point, for its own State) or add (the secretariat) a participant',
    description:
      '201 with the new pending registration; 200 with the existing one when the e-mail address is already registered for the consultation. ' +
      'A self-registration gets a participant token to see, change or withdraw it. Rules: RegistrationNotOpen, RegistrationDeadlinePassed, ' +
      'FocalPointLimitedToOwnState, ClosedSessionRequiresStateDelegate, StateDelegationRepresentsAState, SessionNotOnAgenda, ConsultationCancelled.',
  })
  async register(@Param('consultationId') consultationId: string, @Body() body: RegisterParticipantBody, @Res({ passthrough: true }) res: Response) {
    const meta = commandMeta();
    const channel = meta.actorRole === 'secretariat' ? 'secretariat' : meta.actorRole === 'focal-point' ? 'nomination' : 'self';
    const command = new RegisterParticipant({
      consultationId,
      registrationId: newResourceId(),
      person: {
        honorific: body.person.honorific ?? null,
        givenName: body.person.givenName,
        familyName: body.person.familyName,
        email: body.person.email,
        gender: body.person.gender ?? 'not-stated',
        nationality: body.person.nationality ?? null,
        affiliation: body.person.affiliation ?? null,
        jobTitle: body.person.jobTitle ?? null,
      },
      publicListingConsent: body.publicListingConsent ?? false,
      stakeholderGroup: body.stakeholderGroup,
      represents: { state: body.represents.state ?? null, organisation: body.represents.organisation ?? null },
      role: body.role,
      sessionIds: body.sessionIds ?? [],
      accessNeeds: body.accessNeeds ?? null,
      channel,
      nominatingState: RequestContext.get().principal?.state ?? null,
      meta,
    });
    const { reply, appended } = await this.run<RegistrationReply>(command);
    this.roster.rememberConsultation(reply.registrationId, consultationId);
    res.status(reply.existing ? 200 : 201);
    res.setHeader('Location', `/api/registrations/${reply.registrationId}`);
    if (reply.existing) return { registrationId: reply.registrationId, status: reply.status, existing: true };
    if (appended) setEtag(res, Number(appended.version));
    const participantToken = channel === 'self' ? await this.participantToken(reply.personId) : undefined;
    return { registrationId: reply.registrationId, status: reply.status, existing: false, nominated: channel === 'nomination', ...(participantToken && { participantToken }) };
  }

  /** With an external identity provider (CONVENE_JWKS_URL) participants sign in there instead. */
  private async participantToken(personId: string): Promise<string | undefined> {
    try {
      return await this.tokens.issueToken({ role: 'participant', sub: personId, expiresIn: PARTICIPANT_TOKEN_LIFETIME });
    } catch {
      return undefined;
    }
  }

  @Post('registrations/:registrationId/participant-link')
  @HttpCode(200)
  @Allow('secretariat')
  @ApiOperation({
    summary: "A new personal link for a participant who lost theirs (the secretariat sends it to the person's address on file)",
    description:
      'Records ParticipantLinkReissued (who gave access, and when); the token is not recorded. The link opens the registration: its details, history and withdrawal. ' +
      'Rules: RegistrationNotFound, SubjectDataErased, ParticipantLinksFromIdentityProvider (participants sign in with the identity provider instead).',
  })
  async reissueParticipantLink(@Param('registrationId') registrationId: string) {
    const found = await this.roster.registration(registrationId);
    if (!found) throw new NotFound('Registration', registrationId);
    // The token first: when none can be issued here, nothing is recorded.
    const participantToken = await this.participantToken(found.entry.personId);
    if (!participantToken) {
      throw new RuleViolation('ParticipantLinksFromIdentityProvider', 'Participants sign in with the identity provider; Convene issues no personal links', 409, { registrationId });
    }
    await this.run(new ReissueParticipantLink({ consultationId: found.entry.consultationId, registrationId, meta: commandMeta() }));
    return { registrationId, participantToken, link: `/registrations/${registrationId}#token=${participantToken}`, expiresIn: PARTICIPANT_TOKEN_LIFETIME };
  }

  @Post('consultations/:consultationId/registrations/approve')
  @HttpCode(200)
  @Allow('secretariat')
  @ApiOperation({ summary: 'Approve many registrations at once (or every pending one): each is confirmed while seats last, then waitlisted in order' })
  async approveMany(@Param('consultationId') consultationId: string, @Body() body: BulkApproveBody) {
    const command = new ApproveRegistrations({ consultationId, registrationIds: body.registrationIds ?? [], allPending: body.allPending === true, meta: commandMeta() });
    const { reply } = await this.run<ApprovalOutcome[]>(command);
    return { consultationId, results: reply };
  }

  @Post('registrations/:registrationId/approve')
  @HttpCode(200)
  @Allow('secretariat')
  @ApiOperation({ summary: 'Approve: confirmed if a seat is left (consultation and chosen sessions), else waitlisted' })
  async approve(@Param('registrationId') registrationId: string) {
    const consultationId = await this.consultationOf(registrationId);
    const { reply } = await this.run<ApprovalOutcome[]>(new ApproveRegistrations({ consultationId, registrationIds: [registrationId], meta: commandMeta() }));
    return reply[0];
  }

  @Post('registrations/:registrationId/decline')
  @HttpCode(200)
  @Allow('secretariat')
  @ApiOperation({ summary: 'Decline a pending or waitlisted registration, with a reason' })
  async decline(@Param('registrationId') registrationId: string, @Body() body: ReasonBody) {
    const consultationId = await this.consultationOf(registrationId);
    const { reply } = await this.run<{ status: string }>(new DeclineRegistration({ consultationId, registrationId, reason: body.reason, meta: commandMeta() }));
    return { registrationId, ...reply };
  }

  @Post('registrations/:registrationId/withdraw')
  @HttpCode(200)
  @Allow('participant', 'focal-point', 'secretariat')
  @ApiOperation({ summary: 'Withdraw (the participant, or their State’s focal point); a freed seat goes to the first waitlisted' })
  async withdraw(@Param('registrationId') registrationId: string, @Body() body: OptionalReasonBody) {
    const consultationId = await this.consultationOf(registrationId);
    const meta = commandMeta();
    const command = new WithdrawRegistration({ consultationId, registrationId, reason: body.reason ?? null, requester: requester(meta), meta });
    const { reply } = await this.run<{ status: string; promoted: string[] }>(command);
    return { registrationId, ...reply };
  }

  @Post('registrations/:registrationId/cancel')
  @HttpCode(200)
  @Allow('secretariat')
  @ApiOperation({ summary: 'Cancel a registration (the secretariat), with a reason; a freed seat goes to the first waitlisted' })
  async cancel(@Param('registrationId') registrationId: string, @Body() body: ReasonBody) {
    const consultationId = await this.consultationOf(registrationId);
    const { reply } = await this.run<{ status: string; promoted: string[] }>(new CancelRegistration({ consultationId, registrationId, reason: body.reason, meta: commandMeta() }));
    return { registrationId, ...reply };
  }

  @Post('registrations/:registrationId/check-in')
  @HttpCode(200)
  @Allow('secretariat')
  @ApiOperation({ summary: 'Check a confirmed participant in for a day (at the door) or a session' })
  async checkIn(@Param('registrationId') registrationId: string, @Body() body: CheckInBody) {
    const consultationId = await this.consultationOf(registrationId);
    const { reply } = await this.run<CheckInReply>(new CheckIn({ consultationId, registrationId, day: body.day, sessionId: body.sessionId ?? null, meta: commandMeta() }));
    return reply;
  }

  @Post('registrations/:registrationId/undo-check-in')
  @HttpCode(200)
  @Allow('secretariat')
  @ApiOperation({ summary: 'Undo a wrong check-in (kept in the history)' })
  async undoCheckIn(@Param('registrationId') registrationId: string, @Body() body: UndoCheckInBody) {
    const consultationId = await this.consultationOf(registrationId);
    const command = new UndoCheckIn({ consultationId, registrationId, day: body.day, sessionId: body.sessionId ?? null, reason: body.reason ?? null, meta: commandMeta() });
    const { reply } = await this.run<CheckInReply>(command);
    return reply;
  }

  @Patch('registrations/:registrationId')
  @Allow('participant', 'focal-point', 'secretariat')
  @ApiHeader({ name: 'If-Match', required: false, description: 'Registration version (ETag) the change was made on' })
  @ApiOperation({ summary: 'Change a registration’s details (only the fields sent); the history keeps every version' })
  async change(@Param('registrationId') registrationId: string, @Body() body: ChangeRegistrationBody, @Res({ passthrough: true }) res: Response) {
    const consultationId = await this.consultationOf(registrationId);
    const meta = commandMeta();
    const { represents, ...rest } = body;
    const changes = { ...rest, ...(represents && { represents: { state: represents.state ?? null, organisation: represents.organisation ?? null } }) };
    const command = new ChangeRegistrationDetails({ consultationId, registrationId, changes, requester: requester(meta), expectedVersion: expectedVersionFromIfMatch(), meta });
    const { reply } = await this.run<{ status: string; promoted: string[] }>(command);
    const now = await this.roster.registration(registrationId);
    if (now) setEtag(res, now.version);
    return { registrationId, ...reply };
  }
}
