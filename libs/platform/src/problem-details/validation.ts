import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { RuleViolation } from '@convene/event-store';
import { memoizeValidationMetadata } from './validation-metadata-cache.js';

export interface FieldError {
  /** Path into the body: "address.city", "speakers[0].email". */
  field: string;
  /** class-validator constraint name: "isEmail", "whitelistValidation", ... */
  rule: string;
  message: string;
}

export class ValidationFailed extends RuleViolation {
  constructor(readonly errors: FieldError[]) {
    super('ValidationFailed', 'The request does not satisfy the input rules', 400, { errors });
  }
}

/**
 * The path of a member: "person.email", "speakers[0]". Any other name than an identifier (an
 * unknown member called "", " " or "a.b") is quoted, so that every error visibly names its field:
 * `[""]`, `[" "]`, `person["a.b"]`.
 */
export function fieldPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  if (!/^[A-Za-z_$][\w$-]*$/.test(property)) return `${parent}[${JSON.stringify(property)}]`;
  return parent === '' ? property : `${parent}.${property}`;
}

/** Flattens class-validator's tree into one entry per broken constraint. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = fieldPath(parent, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

// NUL, or half of a surrogate pair: no PostgreSQL text or jsonb value can hold them.
const MALFORMED_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every string (member names too) of a parsed body, query or path parameter that no database could store. */
export function malformedTextErrors(value: unknown, field: string): FieldError[] {
  const broken = (path: string): FieldError => ({
    field: path || 'body',
    rule: 'wellFormedText',
    message: `${path || 'body'} must be Unicode text without NUL characters or unpaired surrogates`,
  });
  if (typeof value === 'string') return MALFORMED_TEXT.test(value) ? [broken(field)] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, member]) => {
    const path = fieldPath(field, key);
    return MALFORMED_TEXT.test(key) ? [broken(path)] : malformedTextErrors(member, path);
  });
}

/** The ValidationPipe, after a check that refuses text the store cannot hold (in every parameter, DTO or not). */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const errors = malformedTextErrors(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
      if (errors.length > 0) throw new ValidationFailed(errors);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  memoizeValidationMetadata();
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Submitted values may be personal data: keep them out of errors (and so out of logs).
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailed(flattenValidationErrors(errors)),
  });
}
