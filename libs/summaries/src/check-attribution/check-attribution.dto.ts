import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class CheckAttributionBody {
  @ApiProperty({ maxLength: 20000, description: 'A text as the Chair is writing it (section, key point or footnote)', example: 'Singapore stressed the need for capacity-building.' })
  @IsString()
  @MaxLength(20000)
  text: string;
}
