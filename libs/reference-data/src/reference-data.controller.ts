import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { NotFound, RuleViolation } from '@convene/event-store';
import { Allow } from '@convene/platform';
import { Countries, requestedLanguage, UN_LANGUAGES } from './countries.js';
import { RegionalOrganisations } from './regional-organisations.js';

class MemberStateDto {
  @ApiProperty({ example: 'GBR', description: 'ISO 3166-1 alpha-3' }) state: string;
  @ApiProperty({ example: 'United Kingdom' }) name: string;
  @ApiProperty({ example: '1973-01-01' }) from: string;
  @ApiPropertyOptional({ example: '2020-01-31', description: 'Last day of membership' }) until?: string;
}

class RegionalOrganisationDto {
  @ApiProperty({ example: 'EU' }) code: string;
  @ApiProperty({ example: 'European Union' }) name: string;
  @ApiProperty({ description: 'Name in each of the six UN languages' }) names: Record<string, string>;
  @ApiProperty({ example: '1958-01-01' }) established: string;
  @ApiProperty({ type: [String] }) notes: string[];
}

class RegionalOrganisationMembersDto extends RegionalOrganisationDto {
  @ApiProperty({ example: '2019-01-24', description: 'The day the membership list is for' }) asOf: string;
  @ApiProperty({ type: [MemberStateDto], description: 'Member States on that day' }) members: MemberStateDto[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD and a day that exists: 2019-02-30 is refused, not read as the 2nd of March. */
function isDay(text: string): boolean {
  const time = ISO_DATE.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN;
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

/** Public reference data: organisations and their member States on a given day. */
@ApiTags('reference data')
@Controller('api/regional-organisations')
export class ReferenceDataController {
  constructor(
    private readonly organisations: RegionalOrganisations,
    private readonly countries: Countries,
  ) {}

  @Get()
  @Allow('public')
  @ApiQuery({ name: 'lang', required: false, enum: UN_LANGUAGES })
  @ApiOkResponse({ type: [RegionalOrganisationDto] })
  list(@Query('lang') lang?: string): RegionalOrganisationDto[] {
    const language = requestedLanguage(lang);
    return this.organisations.all().map((o) => ({ code: o.code, name: o.names[language], names: o.names, established: o.established, notes: o.notes }));
  }

  @Get(':code')
  @Allow('public')
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD; today when absent' })
  @ApiQuery({ name: 'lang', required: false, enum: UN_LANGUAGES })
  @ApiOkResponse({ type: RegionalOrganisationMembersDto })
  members(@Param('code') code: string, @Query('asOf') asOf?: string, @Query('lang') lang?: string): RegionalOrganisationMembersDto {
    const organisation = this.organisations.find(code);
    if (!organisation) throw new NotFound('RegionalOrganisation', code);
    if (asOf !== undefined && !isDay(asOf)) throw new RuleViolation('InvalidDate', 'asOf must be a date like 2019-01-24', 400, { asOf });
    const day = asOf ?? new Date().toISOString().slice(0, 10);
    const language = requestedLanguage(lang);
    const members = this.organisations.membershipsAsOf(code, day).map((m) => ({ ...m, name: this.countries.name(m.state, language) }));
    const { names, established, notes } = organisation;
    return { code, name: names[language], names, established, notes, asOf: day, members };
  }
}
