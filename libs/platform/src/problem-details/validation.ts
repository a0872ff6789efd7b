import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { RuleViolation } from '@convene/event-store';

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

/** Flattens class-validator's tree into one entry per broken constraint. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent === ''
        ? error.property
        : `${parent}.${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Submitted values may be personal data: keep them out of errors (and so out of logs).
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailed(flattenValidationErrors(errors)),
  });
}
