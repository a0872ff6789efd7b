import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { Trim } from '@convene/platform';
import { CLIENT_ID } from '../http/dto-helpers.js';

export class AddKeyPointBody {
  @ApiProperty({ example: 'conclusions' })
  @Matches(CLIENT_ID)
  sectionId: string;

  @ApiProperty({ maxLength: 5000, example: 'Regional forums can serve as platforms to put the existing norms into practice.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  text: string;

  @ApiPropertyOptional({ description: '0-based place in the section; default last' })
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;

  @ApiPropertyOptional({ description: 'Client-chosen id, making a retried request harmless; generated when omitted' })
  @IsOptional()
  @Matches(CLIENT_ID)
  keyPointId?: string;
}
