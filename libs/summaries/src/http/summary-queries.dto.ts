import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsInstant } from '@convene/platform';

/** Stream versions are PostgreSQL integers: a larger one is no version, and would fail the query. */
const MAX_VERSION = 2_147_483_647;

export class SummaryAsOfQuery {
  @ApiPropertyOptional({ description: 'The summary as it stood at this stream version' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  version?: number;

  @ApiPropertyOptional({ description: 'The summary as it stood at this instant (ISO 8601)', example: '2019-01-24T17:00:00Z' })
  @IsOptional()
  @IsInstant()
  asOf?: string;
}

export class SummaryDiffQuery {
  @ApiProperty({ description: 'Stream version to compare from' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  from: number;

  @ApiProperty({ description: 'Stream version to compare to' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  to: number;
}
