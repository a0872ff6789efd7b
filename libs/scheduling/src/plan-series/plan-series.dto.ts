import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { OptionalText, Text } from '../http/shared.dto.js';

export class MandateDto {
  @Text(50, 'A/RES/73/266')
  symbol: string;

  @Text(500, 'Advancing responsible State behaviour in cyberspace in the context of international security')
  title: string;
}

export class PlanSeriesDto {
  @Text(300, 'International Security Cyber Workshop Series')
  title: string;

  @ApiPropertyOptional({ type: MandateDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MandateDto)
  mandate?: MandateDto | null;

  @Text(200, 'UNODA')
  organiser: string;

  @ApiPropertyOptional({ type: [String], example: ['UNIDIR'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  partners?: string[];

  @OptionalText(5000)
  description?: string | null;
}
