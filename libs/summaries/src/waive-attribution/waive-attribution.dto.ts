import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from '@convene/platform';

export class WaiveAttributionBody {
  @ApiProperty({ maxLength: 20000, description: 'The exact text (section text, key point or footnote) the Chair allows' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  text: string;

  @ApiProperty({ maxLength: 2000, example: "The delegation's statement was published on its website." })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}
