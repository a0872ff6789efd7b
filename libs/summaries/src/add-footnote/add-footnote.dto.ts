import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { Trim } from '@convene/platform';
import { CLIENT_ID } from '../http/dto-helpers.js';

export class AddFootnoteBody {
  @ApiPropertyOptional({ example: 'A/RES/73/266', description: 'UN document symbol' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  symbol?: string;

  @ApiPropertyOptional({ example: 'Brunei Darussalam did not attend.', maxLength: 2000 })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text?: string;

  @ApiPropertyOptional({ example: 'https://undocs.org/A/RES/73/266' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ description: 'The section it belongs to; omitted: the summary as a whole' })
  @IsOptional()
  @Matches(CLIENT_ID)
  sectionId?: string;

  @ApiPropertyOptional({ description: 'Client-chosen id, making a retried request harmless' })
  @IsOptional()
  @Matches(CLIENT_ID)
  footnoteId?: string;
}
