import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from '@convene/platform';

export class RequestChangesBody {
  @ApiProperty({ maxLength: 5000, example: 'Merge the two key points on capacity building.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  comment: string;
}
