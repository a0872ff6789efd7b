import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

export class StartSummaryBody {
  @ApiPropertyOptional({
    description: 'Chatham House rule for the whole summary. Default: on when any session is closed. Only the Chair may turn it off then.',
  })
  @IsOptional()
  @IsBoolean()
  chathamHouse?: boolean;
}
