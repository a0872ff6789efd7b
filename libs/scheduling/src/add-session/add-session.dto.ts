import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { SESSION_ACCESS, SESSION_KINDS, type SessionAccess, type SessionKind } from '../consultation/consultation.events.js';
import { LocalDateTime, OptionalText, PersonDto, Text } from '../http/shared.dto.js';

export class SessionTimesDto {
  @LocalDateTime('Start', '2019-01-24T09:30')
  start: string;

  @LocalDateTime('End', '2019-01-24T11:00')
  end: string;
}

export class AddSessionDto extends SessionTimesDto {
  @Text(300, 'Regional perspectives on cybersecurity')
  title: string;

  @ApiProperty({ enum: SESSION_KINDS })
  @IsIn(SESSION_KINDS)
  kind: SessionKind;

  @ApiProperty({ enum: SESSION_ACCESS, description: 'closed: member-State delegations of the regional organisation and the organisers; open: every registered participant' })
  @IsIn(SESSION_ACCESS)
  access: SessionAccess;

  @OptionalText(200, 'Room XVIII')
  room?: string | null;

  @ApiPropertyOptional({ type: PersonDto, nullable: true })
  @IsOptional()
  // ValidateNested alone lets a missing value or an array through (it validates the array's items).
  @IsObject()
  @ValidateNested()
  @Type(() => PersonDto)
  chair?: PersonDto | null;

  @ApiPropertyOptional({ type: PersonDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonDto)
  moderator?: PersonDto | null;

  @ApiPropertyOptional({ type: [PersonDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PersonDto)
  speakers?: PersonDto[];

  @OptionalText(5000)
  description?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 100000, description: 'Seats in this session, when fewer than the consultation has', example: 40 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number | null;
}
