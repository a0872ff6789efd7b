import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class MoveSessionDto {
  @ApiProperty({ description: 'The new room; null or blank: no room', nullable: true, type: String, example: 'Room XXI' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  room: string | null;
}
