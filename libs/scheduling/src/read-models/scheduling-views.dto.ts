import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SESSION_ACCESS, SESSION_KINDS } from '../consultation/consultation.events.js';

/** Response shapes of the scheduling reads, for OpenAPI; the views in scheduling-views.ts fill them. */

export class LocalAndUtcDto {
  @ApiProperty({ example: '2019-01-24T09:30', description: 'Wall-clock time at the venue' }) local: string;
  @ApiProperty({ example: '2019-01-24T08:30:00Z' }) utc: string;
}

export class PersonViewDto {
  @ApiProperty() personId: string;
  @ApiProperty({ description: 'Personal data: "[erased]" once the person asked to be forgotten' }) name: string;
  @ApiProperty({ nullable: true, type: String }) affiliation: string | null;
}

export class AgendaItemDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: SESSION_KINDS }) kind: string;
  @ApiProperty({ enum: SESSION_ACCESS }) access: string;
  @ApiProperty({ enum: ['scheduled', 'cancelled'] }) status: 'scheduled' | 'cancelled';
  @ApiProperty({ nullable: true, type: String }) cancellationReason: string | null;
  @ApiProperty({ example: '2019-01-24', description: 'Day at the venue' }) day: string;
  @ApiProperty() start: LocalAndUtcDto;
  @ApiProperty() end: LocalAndUtcDto;
  @ApiProperty({ nullable: true, type: String }) room: string | null;
  @ApiProperty({ nullable: true, type: PersonViewDto }) chair: PersonViewDto | null;
  @ApiProperty({ nullable: true, type: PersonViewDto }) moderator: PersonViewDto | null;
  @ApiProperty({ type: [PersonViewDto] }) speakers: PersonViewDto[];
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ description: 'Changes since it was added (the iCalendar SEQUENCE)' }) revision: number;
}

export class VenueViewDto {
  @ApiProperty({ example: 'Geneva' }) city: string;
  @ApiProperty({ example: 'CHE' }) country: string;
  @ApiProperty({ example: 'Switzerland' }) countryName: string;
}

export class OrganisationRefDto {
  @ApiProperty({ example: 'ASEAN' }) code: string;
  @ApiProperty({ example: 'Association of Southeast Asian Nations' }) name: string;
}

export class RegistrationViewDto {
  @ApiProperty({ enum: ['not-opened', 'open', 'closed'] }) status: string;
  @ApiProperty({ nullable: true, type: LocalAndUtcDto }) deadline: LocalAndUtcDto | null;
}

export class DateRangeDto {
  @ApiProperty({ example: '2019-01-24' }) startDate: string;
  @ApiProperty({ example: '2019-01-24' }) endDate: string;
}

export class PostponementViewDto {
  @ApiProperty() reason: string;
  @ApiProperty() from: DateRangeDto;
  @ApiProperty() to: DateRangeDto;
}

export class ConsultationSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() seriesId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['draft', 'announced', 'cancelled'] }) status: string;
  @ApiProperty({ description: 'Moved to later dates at least once' }) postponed: boolean;
  @ApiProperty({ nullable: true, type: OrganisationRefDto }) regionalOrganisation: OrganisationRefDto | null;
  @ApiProperty({ nullable: true, type: String }) hostMeeting: string | null;
  @ApiProperty() venue: VenueViewDto;
  @ApiProperty({ example: 'Europe/Zurich' }) timeZone: string;
  @ApiProperty({ example: '2019-01-24' }) startDate: string;
  @ApiProperty({ example: '2019-01-24' }) endDate: string;
  @ApiProperty() capacity: number;
  @ApiProperty({ type: [String], example: ['en', 'fr'] }) workingLanguages: string[];
  @ApiProperty() registration: RegistrationViewDto;
  @ApiProperty({ description: 'Stream version: the ETag' }) version: number;
}

export class ConsultationDetailsDto extends ConsultationSummaryDto {
  @ApiPropertyOptional({ nullable: true, type: Object, example: { reason: 'Venue unavailable' } }) cancellation: { reason: string } | null;
  @ApiProperty({ type: [PostponementViewDto] }) postponements: PostponementViewDto[];
  @ApiProperty({ type: [AgendaItemDto], description: 'Sessions in time order' }) agenda: AgendaItemDto[];
}

export class CalendarDto {
  @ApiProperty({ type: [ConsultationSummaryDto] }) items: ConsultationSummaryDto[];
}

export class MandateViewDto {
  @ApiProperty({ example: 'A/RES/73/266' }) symbol: string;
  @ApiProperty() title: string;
}

/** What names a series, in the list and in its overview. */
export class SeriesHeadDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: MandateViewDto }) mandate: MandateViewDto | null;
  @ApiProperty({ example: 'UNODA' }) organiser: string;
  @ApiProperty({ type: [String], example: ['UNIDIR'] }) partners: string[];
  @ApiProperty({ description: 'Series stream version: the ETag' }) version: number;
}

export class SeriesListItemDto extends SeriesHeadDto {
  @ApiProperty({ description: 'Its consultations the caller may see' }) consultations: number;
  @ApiProperty({ nullable: true, type: String, example: '2017-09-18', description: 'First day of the first of them' }) firstDate: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2019-03-29', description: 'Last day of the last of them' }) lastDate: string | null;
}

export class SeriesListDto {
  @ApiProperty({ type: [SeriesListItemDto], description: 'By the first day of their consultations, series without any last' }) items: SeriesListItemDto[];
}

export class SeriesOverviewDto extends SeriesHeadDto {
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: [ConsultationSummaryDto], description: 'Its consultations the caller may see, by date' }) consultations: ConsultationSummaryDto[];
}
