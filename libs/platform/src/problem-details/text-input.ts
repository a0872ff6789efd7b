import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Surrounding whitespace is never meant: trimmed before validation, so "  " counts as empty. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** A required text field of a request body: trimmed, not blank, at most `maxLength`. */
export const TrimmedText = (maxLength: number, example?: string) =>
  applyDecorators(ApiProperty({ example, maxLength }), Trim(), IsString(), IsNotEmpty(), MaxLength(maxLength));

/** An optional (nullable) text field: trimmed, at most `maxLength`. */
export const OptionalTrimmedText = (maxLength: number, example?: string) =>
  applyDecorators(ApiPropertyOptional({ example, maxLength, nullable: true, type: String }), Trim(), IsOptional(), IsString(), MaxLength(maxLength));

/** A field a change may leave out ("unchanged"); when present, trimmed and not blank. */
export const ChangedText = (maxLength: number) =>
  applyDecorators(ApiPropertyOptional({ maxLength }), Trim(), IsOptional(), IsString(), IsNotEmpty(), MaxLength(maxLength));
