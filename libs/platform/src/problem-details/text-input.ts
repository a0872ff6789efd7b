import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

/** Surrounding whitespace is never meant: trimmed before validation, so "  " counts as empty. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** A required text field of a request body: trimmed, not blank, at most `maxLength`. */
export const TrimmedText = (maxLength: number, example?: string) =>
  applyDecorators(ApiProperty({ example, maxLength }), Trim(), IsString(), IsNotEmpty(), MaxLength(maxLength));

/** An optional (nullable) text field: trimmed, at most `maxLength`. */
export const OptionalTrimmedText = (maxLength: number, example?: string) =>
  applyDecorators(ApiPropertyOptional({ example, maxLength, nullable: true, type: String }), Trim(), IsOptional(), IsString(), MaxLength(maxLength));

/** Validated unless left out: unlike IsOptional, null is no way to say "unchanged" (it would be written as the new value). */
export const UnlessLeftOut = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** A field a change may leave out ("unchanged"); when present, trimmed and not blank. */
export const ChangedText = (maxLength: number) =>
  applyDecorators(ApiPropertyOptional({ maxLength }), Trim(), UnlessLeftOut(), IsString(), IsNotEmpty(), MaxLength(maxLength));

/**
 * An instant in a query (`?asOf=`): a calendar date (its midnight UTC), or a date and time with Z or
 * an offset; never a wall-clock time of an unknown zone, nor ISO 8601's basic format ("20190124"),
 * which JavaScript's Date cannot read.
 */
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
export const IsInstant = () =>
  applyDecorators(
    IsISO8601({ strict: true }),
    Matches(INSTANT, { message: ({ property }) => `${property} must be an instant: a date, or a date and time with Z or an offset` }),
  );
