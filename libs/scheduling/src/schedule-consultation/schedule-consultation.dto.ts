import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsInt, IsObject, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { UN_LANGUAGES } from '@convene/reference-data';
import { LocalDate, OptionalText, Text } from '../http/shared.dto.js';

export class VenueDto {
  @Text(100, 'Geneva')
  city: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-3', example: 'CHE' })
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO 3166-1 alpha-3 code such as CHE' })
  country: string;
}

export class ScheduleConsultationDto {
  @Text(300, 'The role of regional organizations in strengthening cybersecurity and stability')
  title: string;

  @ApiPropertyOptional({ description: 'Code in the reference data (AU, EU, OAS, OSCE, ARF, ASEAN, LAS, ...); absent for a cross-regional consultation', example: 'ASEAN', nullable: true, type: String })
  @IsOptional()
  @Matches(/^[A-Z]{2,10}$/, { message: '$property must be an organisation code such as ASEAN' })
  regionalOrganisation?: string | null;

  @OptionalText(300, 'Singapore International Cyber Week')
  hostMeeting?: string | null;

  @ApiProperty({ type: VenueDto })
  // ValidateNested alone lets a missing value or an array through (it validates the array's items).
  @IsObject()
  @ValidateNested()
  @Type(() => VenueDto)
  venue: VenueDto;

  @Text(64, 'Europe/Zurich')
  timeZone: string;

  @LocalDate('First day', '2019-01-24')
  startDate: string;

  @LocalDate('Last day, included', '2019-01-24')
  endDate: string;

  @ApiProperty({ example: 120, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity: number;

  @ApiProperty({ type: [String], enum: UN_LANGUAGES, example: ['en', 'fr'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(UN_LANGUAGES.length)
  @IsIn(UN_LANGUAGES, { each: true })
  workingLanguages: string[];
}
