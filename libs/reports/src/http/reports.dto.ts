import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { IsInstant } from '@convene/platform';

class AsOfQuery {
  @ApiPropertyOptional({ description: 'As it stood at this instant (ISO 8601, with Z or an offset), rebuilt from the events up to it', example: '2019-01-24T17:00:00Z' })
  @IsOptional()
  @IsInstant()
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
