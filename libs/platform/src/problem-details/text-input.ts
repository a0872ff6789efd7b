import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

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
