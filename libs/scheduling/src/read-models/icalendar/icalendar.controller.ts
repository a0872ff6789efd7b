import type { ServerResponse } from 'node:http';
import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow } from '@convene/platform';
import { currentViewer, readHeaders } from '../../http/http-helpers.js';
import { GetConsultationAgendaICalendar, GetSeriesICalendar, type ICalendarDocument } from './icalendar.queries.js';
import { ICALENDAR_CONTENT_TYPE } from './icalendar.js';

const ics = { schema: { type: 'string' }, description: 'RFC 5545: one VEVENT per session, TZID and VTIMEZONE, stable UID, SEQUENCE' };

/** iCalendar subscriptions: calendars poll these, so they are public once announced. */
@ApiTags('calendar')
@Controller('api')
export class ICalendarController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('consultations/:id/agenda.ics')
  @Allow('public')
  @Header('Content-Type', ICALENDAR_CONTENT_TYPE)
  @ApiOperation({ summary: 'The agenda of a consultation as iCalendar' })
  @ApiProduces('text/calendar')
  @ApiOkResponse(ics)
  @ApiNotFoundResponse({ description: 'No such consultation, or not announced' })
  async agenda(@Param('id') id: string, @Res({ passthrough: true }) res: ServerResponse): Promise<string> {
    return this.send(res, await this.queryBus.execute(new GetConsultationAgendaICalendar(id, currentViewer())), 'agenda.ics');
  }

  @Get('series/:id/calendar.ics')
  @Allow('public')
  @Header('Content-Type', ICALENDAR_CONTENT_TYPE)
  @ApiOperation({ summary: 'Every session of the series as iCalendar' })
  @ApiProduces('text/calendar')
  @ApiOkResponse(ics)
  @ApiNotFoundResponse({ description: 'No such series, or nothing of it announced' })
  async series(@Param('id') id: string, @Res({ passthrough: true }) res: ServerResponse): Promise<string> {
    return this.send(res, await this.queryBus.execute(new GetSeriesICalendar(id, currentViewer())), 'calendar.ics');
  }

  private send(res: ServerResponse, document: ICalendarDocument, filename: string): string {
    readHeaders(res, document.etag);
    res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
    return document.ics;
  }
}
