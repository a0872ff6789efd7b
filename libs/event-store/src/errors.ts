/**
 * Errors that carry a named rule. The HTTP layer maps every one of them to RFC 9457
 * problem+json: `rule` becomes the problem's `rule` member and the last part of its `type`.
 * Domain decide functions throw RuleViolation (or a subclass) and nothing else.
 */
export class RuleViolation extends Error {
  constructor(
    /** Stable PascalCase name of the broken rule, e.g. "SessionOutsideConsultationDates". */
    readonly rule: string,
    message: string,
    /** HTTP status that fits: 409 for state conflicts, 422 for a rule the input breaks, 404 when absent. */
    readonly status: number = 422,
    /** Extra members for the problem document (offending spans, current version, ...). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = rule;
  }
}

/** The stream was not at the expected version. HTTP 409, or 412 when the expectation came from If-Match. */
export class ConcurrencyConflict extends RuleViolation {
  constructor(
    readonly streamId: string,
    readonly expected: string,
    readonly actual: number,
  ) {
    super(
      'ExpectedVersionMismatch',
      `Stream ${streamId} is at version ${actual}, not at the expected ${expected}`,
      409,
      { streamId, expectedVersion: expected, currentVersion: actual },
    );
  }
}

/** The same Idempotency-Key was used before with a different request. HTTP 422. */
export class IdempotencyKeyReused extends RuleViolation {
  constructor(readonly key: string) {
    super(
      'IdempotencyKeyReusedWithDifferentRequest',
      'This Idempotency-Key was already used for a different request',
      422,
      { idempotencyKey: key },
    );
  }
}

/** Personal data cannot be written for a subject whose key was destroyed. */
export class SubjectErased extends RuleViolation {
  constructor(readonly subjectId: string) {
    super('SubjectDataErased', `The personal data of subject ${subjectId} were erased`, 409, { subjectId });
  }
}

/** Something looked up by id does not exist. HTTP 404. */
export class NotFound extends RuleViolation {
  constructor(what: string, id: string) {
    super(`${what}NotFound`, `${what} ${id} does not exist`, 404, { id });
  }
}
