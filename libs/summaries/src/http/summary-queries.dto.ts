import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Min } from 'class-validator';

export class SummaryAsOfQuery {
  @ApiPropertyOptional({ description: 'The summary as it stood at this stream version' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ description: 'The summary as it stood at this instant (ISO 8601)', example: '2019-01-24T17:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class SummaryDiffQuery {
  @ApiProperty({ description: 'Stream version to compare from' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  from: number;

  @ApiProperty({ description: 'Stream version to compare to' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  to: number;
}
