import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches } from 'class-validator';

/** An instant: a calendar date (its midnight UTC), or a date and time with Z or an offset, never a wall-clock time of an unknown zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

class AsOfQuery {
  @ApiPropertyOptional({ description: 'As it stood at this instant (ISO 8601, with Z or an offset), rebuilt from the events up to it', example: '2019-01-24T17:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(INSTANT, { message: 'asOf must be an instant: a date, or a date and time with Z or an offset' })
  asOf?: string;
}

export class DocumentQuery extends AsOfQuery {
  @ApiPropertyOptional({ enum: ['docx', 'pdf', 'html', 'md'], description: 'Overrides the Accept header' })
  @IsOptional()
  @IsString()
  format?: string;

  @ApiPropertyOptional({
    description:
      'A published edition by number (Chair’s summary only), or "published" for the latest published one. ' +
      'Absent: the working text for the secretariat and the Chair, the latest published edition for everyone else.',
    example: 'published',
  })
  @IsOptional()
  @Matches(/^([1-9]\d{0,5}|published)$/, { message: 'edition must be an edition number or "published"' })
  edition?: string;
}

export class ParticipationReportQuery extends AsOfQuery {
  @ApiPropertyOptional({ enum: ['html', 'csv'], description: 'Overrides the Accept header' })
  @IsOptional()
  @IsString()
  format?: string;
}
