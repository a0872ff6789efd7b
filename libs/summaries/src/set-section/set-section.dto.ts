import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { SECTION_KINDS, type SectionKind } from '../summary/summary.events.js';
import { Trim } from '@convene/platform';
import { CLIENT_ID } from '../http/dto-helpers.js';

export class SetSectionBody {
  @ApiProperty({ enum: SECTION_KINDS, description: 'introduction and conclusions exist once each; session and theme as many as needed' })
  @IsIn(SECTION_KINDS)
  kind: SectionKind;

  @ApiPropertyOptional({ description: 'Id of a session or theme section (new when unknown; generated when omitted)', example: 'session-2' })
  @IsOptional()
  @Matches(CLIENT_ID)
  sectionId?: string;

  @ApiPropertyOptional({ example: 'Session 2: Confidence-building measures', maxLength: 300 })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(20000)
  text?: string;

  @ApiPropertyOptional({ description: 'The scheduled session this section reports on' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sessionId?: string;

  @ApiPropertyOptional({ nullable: true, description: 'Own Chatham House setting; null follows the summary. Only the Chair may turn it off.' })
  @IsOptional()
  @IsBoolean()
  chathamHouse?: boolean | null;
}
