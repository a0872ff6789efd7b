import type { ServerResponse } from 'node:http';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow } from '@convene/platform';
import { requestedLanguage, UN_LANGUAGES } from '@convene/reference-data';
import { currentViewer, readHeaders } from '../../http/http-helpers.js';
import { ConsultationDetailsDto } from '../scheduling-views.dto.js';
import { GetConsultation } from './get-consultation.query.js';

@ApiTags('consultations')
@Controller('api/consultations')
export class ConsultationDetailsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id')
  @Allow('public')
  @ApiOperation({ summary: 'A consultation with its agenda: public once announced, drafts for the secretariat' })
  @ApiQuery({ name: 'lang', required: false, enum: UN_LANGUAGES, description: 'Language of country and organisation names' })
  @ApiOkResponse({ type: ConsultationDetailsDto, description: 'ETag: the consultation stream version' })
  @ApiNotFoundResponse({ description: 'No such consultation, or not announced and the caller is not the secretariat' })
  async get(@Param('id') id: string, @Res({ passthrough: true }) res: ServerResponse, @Query('lang') lang?: string): Promise<ConsultationDetailsDto> {
    const details = await this.queryBus.execute(new GetConsultation(id, currentViewer(), requestedLanguage(lang)));
    readHeaders(res, details.version);
    return details;
  }
}
