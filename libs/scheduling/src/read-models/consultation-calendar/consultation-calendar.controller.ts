import type { ServerResponse } from 'node:http';
import { applyDecorators, Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { Allow } from '@convene/platform';
import { requestedLanguage, UN_LANGUAGES } from '@convene/reference-data';
import { currentViewer, readHeaders } from '../../http/http-helpers.js';
import { collectionEtag } from '../collection-etag.js';
import { CalendarDto } from '../scheduling-views.dto.js';
import { ListConsultations } from './list-consultations.query.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A day of the calendar: shaped YYYY-MM-DD, and one that exists (2019-02-30 would fail the query). */
const Day = () => applyDecorators(IsOptional(), Matches(DATE), IsISO8601({ strict: true }, { message: '$property must be a day of the calendar' }));

export class CalendarQueryDto {
  @ApiPropertyOptional({ description: 'Consultations still running on or after this day', example: '2019-01-01' })
  @Day()
  from?: string;

  @ApiPropertyOptional({ description: 'Consultations starting on or before this day', example: '2019-12-31' })
  @Day()
  to?: string;

  @ApiPropertyOptional({ example: 'ASEAN' })
  @IsOptional()
  @Matches(/^[A-Z]{2,10}$/)
  organisation?: string;

  @ApiPropertyOptional({ description: 'Venue country, ISO 3166-1 alpha-3', example: 'CHE' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/)
  country?: string;

  @ApiPropertyOptional({ description: 'Only this series' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,64}$/)
  series?: string;

  @ApiPropertyOptional({ enum: UN_LANGUAGES })
  @IsOptional()
  @IsIn(UN_LANGUAGES)
  lang?: string;
}

@ApiTags('consultations')
@Controller('api/consultations')
export class ConsultationCalendarController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Allow('public')
  @ApiOperation({ summary: 'Calendar of all consultations by start date: announced ones for everyone, drafts too for the secretariat' })
  @ApiOkResponse({ type: CalendarDto })
  async list(@Query() query: CalendarQueryDto, @Res({ passthrough: true }) res: ServerResponse): Promise<CalendarDto> {
    const { series, lang, ...filter } = query;
    const viewer = currentViewer();
    const calendar = await this.queryBus.execute(
      new ListConsultations({ ...filter, seriesId: series, announcedOnly: !viewer.secretariat }, requestedLanguage(lang)),
    );
    readHeaders(res, collectionEtag(calendar.items));
    return calendar;
  }
}
