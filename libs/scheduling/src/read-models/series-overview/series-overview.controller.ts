import type { ServerResponse } from 'node:http';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow } from '@convene/platform';
import { requestedLanguage, UN_LANGUAGES } from '@convene/reference-data';
import { currentViewer, readHeaders } from '../../http/http-helpers.js';
import { collectionEtag } from '../collection-etag.js';
import { SeriesListDto, SeriesOverviewDto } from '../scheduling-views.dto.js';
import { ListSeries } from '../series-list/list-series.query.js';
import { GetSeriesOverview } from './get-series-overview.query.js';

@ApiTags('series')
@Controller('api/series')
export class SeriesOverviewController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Allow('public')
  @ApiOperation({ summary: 'Every series, by the date of its first consultation: for the public those with an announced consultation, for the secretariat all' })
  @ApiOkResponse({ type: SeriesListDto })
  async list(@Res({ passthrough: true }) res: ServerResponse): Promise<SeriesListDto> {
    const list = await this.queryBus.execute(new ListSeries(currentViewer()));
    readHeaders(res, collectionEtag(list.items));
    return list;
  }

  @Get(':id')
  @Allow('public')
  @ApiOperation({ summary: 'The series with its consultations; public once one of them is announced' })
  @ApiQuery({ name: 'lang', required: false, enum: UN_LANGUAGES })
  @ApiOkResponse({ type: SeriesOverviewDto, description: 'ETag: the series stream version (what If-Match on scheduling a consultation compares with)' })
  @ApiNotFoundResponse({ description: 'No such series, or nothing of it announced and the caller is not the secretariat' })
  async get(@Param('id') id: string, @Res({ passthrough: true }) res: ServerResponse, @Query('lang') lang?: string): Promise<SeriesOverviewDto> {
    const overview = await this.queryBus.execute(new GetSeriesOverview(id, currentViewer(), requestedLanguage(lang)));
    readHeaders(res, overview.version);
    return overview;
  }
}
