import { Body, Controller, Delete, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { type Command, CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionRunner, RuleViolation } from '@convene/event-store';
import { Allow, commandMeta, expectedVersionFromIfMatch, newResourceId, setEtag } from '@convene/platform';
import { AddFootnote } from '../add-footnote/add-footnote.command.js';
import { AddFootnoteBody } from '../add-footnote/add-footnote.dto.js';
import { AddKeyPoint } from '../add-key-point/add-key-point.command.js';
import { CheckAttributionBody } from '../check-attribution/check-attribution.dto.js';
import { AddKeyPointBody } from '../add-key-point/add-key-point.dto.js';
import { ApproveSummary } from '../approve-summary/approve-summary.command.js';
import { IssueCorrection } from '../issue-correction/issue-correction.command.js';
import { IssueCorrectionBody } from '../issue-correction/issue-correction.dto.js';
import { PublishSummary } from '../publish-summary/publish-summary.command.js';
import { RequestChanges } from '../request-changes/request-changes.command.js';
import { RequestChangesBody } from '../request-changes/request-changes.dto.js';
import { ReviseKeyPoint } from '../revise-key-point/revise-key-point.command.js';
import { ReviseKeyPointBody } from '../revise-key-point/revise-key-point.dto.js';
import { SetSection } from '../set-section/set-section.command.js';
import { SetSectionBody } from '../set-section/set-section.dto.js';
import { StartSummary } from '../start-summary/start-summary.command.js';
import { StartSummaryBody } from '../start-summary/start-summary.dto.js';
import { SubmitSummary } from '../submit-summary/submit-summary.command.js';
import { CheckedSummaryUpdates } from '../summary/checked-updates.js';
import type { SummaryChange } from '../summary/summary.repository.js';
import { findKeyPoint, findSection } from '../summary/summary.state.js';
import { textHash } from '../summary/text-hash.js';
import { WaiveAttribution } from '../waive-attribution/waive-attribution.command.js';
import { WithdrawKeyPoint } from '../withdraw-key-point/withdraw-key-point.command.js';
import { WaiveAttributionBody } from '../waive-attribution/waive-attribution.dto.js';

interface Response {
  setHeader(name: string, value: string): unknown;
  status(code: number): unknown;
}

const IF_MATCH_VERSION = { name: 'If-Match', required: false, description: 'Stream version (ETag) the request is based on, e.g. "7"' };

/** Revising or withdrawing a key point without saying what you saw would overwrite blindly. */
function basedOnVersion(): number {
  const version = expectedVersionFromIfMatch();
  if (version === undefined) {
    throw new RuleViolation('IfMatchRequired', 'Send If-Match with the summary version (ETag) you edited from', 428);
  }
  return version;
}

/**
 * Drafting (secretariat, and the Chair on their own summary), review and publication of a
 * consultation's Chair's summary. Every answer carries ETag = the summary's stream version.
 */
@ApiTags('summaries')
@Controller('api/consultations/:consultationId/summary')
export class SummaryCommandsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly runner: ProjectionRunner,
    private readonly checked: CheckedSummaryUpdates,
  ) {}

  @Post('attribution-check')
  @HttpCode(200)
  @Allow('secretariat', 'chair')
  @ApiOperation({
    summary: 'Check a text against the Chatham House rule before saving it: the spans a save would refuse (ChathamHouseAttribution), and whether the Chair waived this exact text. Appends nothing.',
  })
  async checkAttribution(@Param('consultationId') consultationId: string, @Body() body: CheckAttributionBody) {
    const { spans, waived } = await this.checked.check(consultationId, body.text);
    return { consultationId, attributions: spans.map(({ start, end, text, reason }) => ({ start, end, text, reason })), waived };
  }

  /** Runs the command and answers once the read model has its change (read-your-writes). */
  private async run(res: Response, command: Command<SummaryChange>, extra: (change: SummaryChange) => object = () => ({})) {
    const change = await this.commands.execute(command);
    if (change.appended) await this.runner.waitForAppend(change.appended);
    setEtag(res, change.state.version);
    const { state } = change;
    return { consultationId: change.consultationId, version: state.version, status: state.status, edition: state.edition, ...extra(change) };
  }

  @Post()
  @Allow('secretariat', 'chair')
  @ApiOperation({ summary: 'Start the summary (edition 1, a draft)' })
  async start(@Param('consultationId') consultationId: string, @Body() body: StartSummaryBody, @Res({ passthrough: true }) res: Response) {
    const command = new StartSummary({ consultationId, chathamHouse: body.chathamHouse, meta: commandMeta() });
    return this.run(res, command, (change) => ({ chathamHouse: change.state.chathamHouse }));
  }

  @Post('sections')
  @Allow('secretariat', 'chair')
  @ApiHeader(IF_MATCH_VERSION)
  @ApiOperation({ summary: "Add a section or set its title, text and Chatham House setting (201 when added, 200 when changed)" })
  async setSection(@Param('consultationId') consultationId: string, @Body() body: SetSectionBody, @Res({ passthrough: true }) res: Response) {
    const sectionId = body.kind === 'introduction' || body.kind === 'conclusions' ? body.kind : (body.sectionId ?? newResourceId());
    const command = new SetSection({ consultationId, ...body, sectionId, basedOnVersion: expectedVersionFromIfMatch(), meta: commandMeta() });
    return this.run(res, command, (change) => {
      res.status(change.events.some((e) => e.type === 'ChairSummarySectionAdded') ? 201 : 200);
      return { section: findSection(change.state, sectionId) };
    });
  }

  @Post('key-points')
  @Allow('secretariat', 'chair')
  @ApiOperation({ summary: 'Add a key point to a section' })
  async addKeyPoint(@Param('consultationId') consultationId: string, @Body() body: AddKeyPointBody, @Res({ passthrough: true }) res: Response) {
    const keyPointId = body.keyPointId ?? newResourceId();
    const command = new AddKeyPoint({ consultationId, ...body, keyPointId, meta: commandMeta() });
    return this.run(res, command, (change) => ({ keyPoint: this.keyPoint(change, keyPointId) }));
  }

  private keyPoint(change: SummaryChange, keyPointId: string) {
    const found = findKeyPoint(change.state, keyPointId);
    return found && { ...found.keyPoint, sectionId: found.section.sectionId, position: found.index };
  }

  @Put('key-points/:keyPointId')
  @Allow('secretariat', 'chair')
  @ApiHeader({ ...IF_MATCH_VERSION, required: true })
  @ApiOperation({ summary: 'Reword and/or move a key point; 409 KeyPointVersionConflict when it changed after If-Match' })
  async reviseKeyPoint(
    @Param('consultationId') consultationId: string,
    @Param('keyPointId') keyPointId: string,
    @Body() body: ReviseKeyPointBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    const command = new ReviseKeyPoint({ consultationId, keyPointId, ...body, basedOnVersion: basedOnVersion(), meta: commandMeta() });
    return this.run(res, command, (change) => ({ keyPoint: this.keyPoint(change, keyPointId) }));
  }

  @Delete('key-points/:keyPointId')
  @Allow('secretariat', 'chair')
  @ApiHeader({ ...IF_MATCH_VERSION, required: true })
  @ApiOperation({ summary: 'Withdraw a key point; 409 KeyPointVersionConflict when it changed after If-Match' })
  async withdrawKeyPoint(
    @Param('consultationId') consultationId: string,
    @Param('keyPointId') keyPointId: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const command = new WithdrawKeyPoint({ consultationId, keyPointId, basedOnVersion: basedOnVersion(), meta: commandMeta() });
    return this.run(res, command, () => ({ keyPointId }));
  }

  @Post('footnotes')
  @Allow('secretariat', 'chair')
  @ApiOperation({ summary: 'Add a footnote citing a UN document symbol (A/RES/73/266) and/or a note, with an optional link' })
  async addFootnote(@Param('consultationId') consultationId: string, @Body() body: AddFootnoteBody, @Res({ passthrough: true }) res: Response) {
    const footnoteId = body.footnoteId ?? newResourceId();
    const command = new AddFootnote({ consultationId, ...body, footnoteId, meta: commandMeta() });
    return this.run(res, command, (change) => ({ footnote: change.state.content.footnotes.find((f) => f.footnoteId === footnoteId) }));
  }

  @Post('submit')
  @HttpCode(200)
  @Allow('secretariat', 'chair')
  @ApiHeader(IF_MATCH_VERSION)
  @ApiOperation({ summary: 'Submit the draft to the Chair; the whole text is checked against the Chatham House rule' })
  async submit(@Param('consultationId') consultationId: string, @Res({ passthrough: true }) res: Response) {
    return this.run(res, new SubmitSummary({ consultationId, meta: commandMeta() }, expectedVersionFromIfMatch()));
  }

  @Post('request-changes')
  @HttpCode(200)
  @Allow('chair', 'secretariat')
  @ApiHeader(IF_MATCH_VERSION)
  @ApiOperation({ summary: 'Send a submitted or approved summary back to drafting, with a comment' })
  async requestChanges(
    @Param('consultationId') consultationId: string,
    @Body() body: RequestChangesBody,
    @Res({ passthrough: true }) res: Response,
  ) {
    const command = new RequestChanges({ consultationId, comment: body.comment, meta: commandMeta() }, expectedVersionFromIfMatch());
    return this.run(res, command);
  }

  @Post('approve')
  @HttpCode(200)
  @Allow('chair')
  @ApiHeader(IF_MATCH_VERSION)
  @ApiOperation({ summary: 'Approve the submitted version (the Chair only)' })
  async approve(@Param('consultationId') consultationId: string, @Res({ passthrough: true }) res: Response) {
    return this.run(res, new ApproveSummary({ consultationId, meta: commandMeta() }, expectedVersionFromIfMatch()));
  }

  @Post('publish')
  @HttpCode(200)
  @Allow('secretariat', 'chair')
  @ApiHeader(IF_MATCH_VERSION)
  @ApiOperation({ summary: 'Publish the approved edition: readable by everyone, never changed afterwards' })
  async publish(@Param('consultationId') consultationId: string, @Res({ passthrough: true }) res: Response) {
    return this.run(res, new PublishSummary({ consultationId, meta: commandMeta() }, expectedVersionFromIfMatch()));
  }

  @Post('corrections')
  @Allow('secretariat', 'chair')
  @ApiHeader(IF_MATCH_VERSION)
  @ApiOperation({ summary: 'Open a corrected edition of the published summary, with the reason; published editions stay readable' })
  async correct(@Param('consultationId') consultationId: string, @Body() body: IssueCorrectionBody, @Res({ passthrough: true }) res: Response) {
    const command = new IssueCorrection({ consultationId, reason: body.reason, meta: commandMeta() }, expectedVersionFromIfMatch());
    return this.run(res, command, (change) => ({ correctionReason: change.state.correctionReason }));
  }

  @Post('waivers')
  @Allow('chair')
  @ApiOperation({ summary: 'Waive the Chatham House attribution rule for one exact text (the Chair only)' })
  async waive(@Param('consultationId') consultationId: string, @Body() body: WaiveAttributionBody, @Res({ passthrough: true }) res: Response) {
    const waiverId = newResourceId();
    // A repeat of a waiver already given appends nothing: it has no id of its own then.
    return this.run(res, new WaiveAttribution({ consultationId, waiverId, ...body, meta: commandMeta() }), (change) => ({
      waiverId: change.events.some((e) => e.type === 'ChairSummaryAttributionWaived') ? waiverId : null,
      textHash: textHash(body.text),
    }));
  }
}
