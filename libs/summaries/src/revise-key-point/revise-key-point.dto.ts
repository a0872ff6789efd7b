import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { Trim } from '@convene/platform';
import { CLIENT_ID } from '../http/dto-helpers.js';

/** Send the new text, a new place, or both; If-Match carries the version you edited from. */
export class ReviseKeyPointBody {
  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  text?: string;

  @ApiPropertyOptional({ description: 'Move to this section' })
  @IsOptional()
  @Matches(CLIENT_ID)
  sectionId?: string;

  @ApiPropertyOptional({ description: 'Move to this 0-based place (reorders the section)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}
