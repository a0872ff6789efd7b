import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from '@convene/platform';

export class IssueCorrectionBody {
  @ApiProperty({ maxLength: 2000, example: 'Footnote 2 cited A/70/174 where A/68/98* was meant.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
