import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Input pieces shared by the scheduling commands' bodies. */

export const LocalDateTime = (description: string, example: string) =>
  applyDecorators(
    ApiProperty({ description: `${description}: wall-clock time at the venue, YYYY-MM-DDTHH:mm, no offset`, example }),
    Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: '$property must be a local date-time like 2019-01-24T09:30' }),
  );

export const LocalDate = (description: string, example: string) =>
  applyDecorators(
    ApiProperty({ description: `${description} (YYYY-MM-DD, at the venue)`, example }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date like 2019-01-24' }),
  );

export const Text = (maxLength: number, example?: string) =>
  applyDecorators(ApiProperty({ example, maxLength }), IsString(), IsNotEmpty(), MaxLength(maxLength));

export const OptionalText = (maxLength: number, example?: string) =>
  applyDecorators(ApiPropertyOptional({ example, maxLength, nullable: true, type: String }), IsOptional(), IsString(), MaxLength(maxLength));

export class PersonDto {
  @ApiProperty({ description: 'Stable id of the person: the subject their personal data are encrypted for', example: 'p-1b7e' })
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: '$property must be 1 to 100 letters, digits or ._:-' })
  personId: string;

  @Text(200, 'Jane Doe')
  name: string;

  @OptionalText(200, 'UNIDIR')
  affiliation?: string | null;
}

export class ReasonDto {
  @Text(1000, 'The host venue is unavailable')
  reason: string;
}
