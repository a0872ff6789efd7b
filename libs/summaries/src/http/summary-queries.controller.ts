import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RuleViolation } from '@convene/event-store';
import { Allow, Principal, setEtag } from '@convene/platform';
import { ChairSummaryQueries } from '../read-models/chair-summary/chair-summary.queries.js';
import { publicEdition, publicView, staffView } from '../read-models/chair-summary/summary.views.js';
import { diffContent } from '../read-models/summary-history/summary-diff.js';
import { SummaryHistory } from '../read-models/summary-history/summary-history.js';
import { summaryNotStarted } from '../summary/summary.rules.js';
import type { Edition, SummaryState } from '../summary/summary.state.js';
import { SummaryAsOfQuery, SummaryDiffQuery } from './summary-queries.dto.js';

interface Response {
  setHeader(name: string, value: string): unknown;
}

/** Drafts are for those who write and approve them; everyone else sees published editions only. */
const seesDrafts = (principal: Principal | undefined) => principal?.roles.some((r) => r === 'secretariat' || r === 'chair') ?? false;

// The public cannot tell an unpublished summary from a missing one: a draft's existence is not theirs to know.
const notPublished = (consultationId: string) =>
  new RuleViolation('PublishedSummaryNotFound', `Consultation ${consultationId} has no published summary`, 404, { consultationId });

const versionNotFound = (consultationId: string, version: number, current: number) =>
  new RuleViolation('SummaryVersionNotFound', `The summary has no version ${version}`, 404, { consultationId, version, currentVersion: current });

/** The latest edition published as of a state (the edition the public saw then). */
const lastEdition = (state: SummaryState): Edition | undefined => state.editions.at(-1);

@ApiTags('summaries')
@Controller('api/consultations/:consultationId/summary')
export class SummaryQueriesController {
  constructor(
    private readonly summaries: ChairSummaryQueries,
    private readonly history: SummaryHistory,
  ) {}

  @Get()
  @Allow('public')
  @ApiOperation({
    summary: 'The summary: current, at ?version=N or ?asOf=ISO time. The public gets the published edition of that moment; drafts are 404 for it.',
  })
  async get(
    @Param('consultationId') consultationId: string,
    @Query() query: SummaryAsOfQuery,
    @Principal() principal: Principal | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (query.version !== undefined && query.asOf !== undefined) {
      throw new RuleViolation('VersionOrAsOf', 'Ask for a version or for a time, not both', 400);
    }
    const past = query.version !== undefined || query.asOf !== undefined;
    if (!seesDrafts(principal) && !past) {
      // Served from the editions table: published editions only, whatever the draft is doing.
      const editions = await this.summaries.editions(consultationId);
      const latest = editions.at(-1);
      if (!latest) throw notPublished(consultationId);
      setEtag(res, latest.version);
      return publicView(consultationId, latest, editions);
    }
    const state = past
      ? await this.history.at(consultationId, { version: query.version, asOf: query.asOf ? new Date(query.asOf) : undefined })
      : await this.summaries.current(consultationId);
    if (!seesDrafts(principal)) {
      const edition = state && lastEdition(state);
      if (!state || !edition) throw notPublished(consultationId);
      setEtag(res, edition.version);
      return publicView(consultationId, edition, state.editions);
    }
    if (!state?.started) throw summaryNotStarted(consultationId);
    if (query.version !== undefined && state.version < query.version) throw versionNotFound(consultationId, query.version, state.version);
    setEtag(res, state.version);
    return staffView(state);
  }

  @Get('versions')
  @Allow('public')
  @ApiOperation({ summary: 'Every version with its event, status, edition, who and when; for the public, the published editions' })
  async versions(@Param('consultationId') consultationId: string, @Principal() principal: Principal | undefined) {
    if (!seesDrafts(principal)) {
      const editions = await this.summaries.editions(consultationId);
      if (editions.length === 0) throw notPublished(consultationId);
      return { consultationId, editions: editions.map(publicEdition) };
    }
    const versions = await this.history.versions(consultationId);
    if (versions.length === 0) throw summaryNotStarted(consultationId);
    const editions = versions
      .filter((v) => v.event === 'ChairSummaryPublished')
      .map(({ edition, version, at }) => ({ edition, version, publishedAt: at }));
    return { consultationId, currentVersion: versions.at(-1)!.version, versions, editions };
  }

  @Get('diff')
  @Allow('public')
  @ApiOperation({
    summary:
      'What changed between two versions: sections and key points added, removed, reworded (word diff) or moved. ' +
      'The public may compare published versions.',
  })
  async diff(@Param('consultationId') consultationId: string, @Query() query: SummaryDiffQuery, @Principal() principal: Principal | undefined) {
    const { from, to } = query;
    if (!seesDrafts(principal)) {
      const editions = await this.summaries.editions(consultationId);
      const [a, b] = [from, to].map((v) => editions.find((e) => e.version === v));
      if (!a || !b) {
        throw new RuleViolation('PublishedVersionNotFound', 'Both versions must be versions at which an edition was published', 404, {
          publishedVersions: editions.map((e) => e.version),
        });
      }
      return { consultationId, from: publicEdition(a), to: publicEdition(b), ...diffContent(a.content, b.content) };
    }
    const states = await this.history.statesAt(consultationId, [from, to]);
    const [a, b] = [states.get(from), states.get(to)];
    if (!a || !b) {
      const current = (await this.history.at(consultationId, {})).version;
      if (current === 0) throw summaryNotStarted(consultationId);
      throw versionNotFound(consultationId, Math.max(from, to), current);
    }
    const side = (s: SummaryState) => ({ version: s.version, status: s.status, edition: s.edition });
    return { consultationId, from: side(a), to: side(b), ...diffContent(a.content, b.content) };
  }
}
