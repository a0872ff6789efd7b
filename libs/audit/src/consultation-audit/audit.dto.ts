import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_MAX_PAGE_SIZE = 500;

export class AuditQuery {
  @ApiPropertyOptional({ description: 'Only entries older than this position (the `next` of the previous page)', example: '1042' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,17}$/, { message: 'before must be a position (a positive whole number)' })
  before?: string;

  @ApiPropertyOptional({ description: `Entries per page (default ${AUDIT_PAGE_SIZE})`, minimum: 1, maximum: AUDIT_MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_MAX_PAGE_SIZE)
  limit?: number;
}

export class AuditEntryDto {
  @ApiProperty({ description: 'Global position of the event in the store: the order of the trail', example: '1042' })
  position: string;
  @ApiProperty() consultationId: string;
  @ApiProperty() eventId: string;
  @ApiProperty({ description: 'Event type', example: 'RegistrationConfirmed' })
  type: string;
  @ApiProperty({ description: 'Stream the event is recorded in', example: 'registrations-6f1c...' })
  stream: string;
  @ApiProperty({ example: 'registration-book' })
  streamType: string;
  @ApiProperty({ description: 'Version of the stream the event made' })
  version: number;
  @ApiProperty({ description: 'Account id of who did it ("anonymous" for a login-free request)' })
  actor: string;
  @ApiProperty({ nullable: true, type: String, description: 'Role they acted in', example: 'secretariat' })
  actorRole: string | null;
  @ApiProperty({ description: 'When it was done (ISO 8601), as recorded' })
  occurredAt: string;
  @ApiProperty({ description: 'Correlation id of the request that did it (X-Correlation-Id)' })
  correlationId: string;
  @ApiProperty({ nullable: true, type: String })
  causationId: string | null;
  @ApiProperty({
    description: 'Ids the event is about (registrationId, sessionId, sectionId, keyPointId, footnoteId, waiverId, seriesId); never other data',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  refs: Record<string, string>;
}

export class AuditPageDto {
  @ApiProperty() consultationId: string;
  @ApiProperty({ type: [AuditEntryDto], description: 'Newest first' })
  entries: AuditEntryDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as ?before= for the next, older page; null on the last page' })
  next: string | null;
}
