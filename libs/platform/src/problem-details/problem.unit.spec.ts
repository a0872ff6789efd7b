import { describe, expect, it } from '@jest/globals';
import { BadRequestException, HttpException, InternalServerErrorException, NotFoundException } from '@nestjs/common';
import { ConcurrencyConflict, IdempotencyKeyReused, NotFound, RuleViolation } from '@convene/event-store';
import { InvalidToken } from '../auth/auth.errors.js';
import { titleFromRule, toProblem, type ProblemRequest } from './problem.js';

const req: ProblemRequest = { path: '/consultations/c-1', routeMatched: true, hasIfMatch: false };

describe('toProblem', () => {
  it('maps a RuleViolation to its status, rule, type and details', () => {
    const problem = toProblem(new RuleViolation('SessionOutsideConsultationDates', 'Session is outside', 422, { day: '2031-05-01' }), req);
    expect(problem).toEqual({
      status: 422,
      headers: {},
      body: {
        type: 'https://convene.dev/problems/SessionOutsideConsultationDates',
        title: 'Session outside consultation dates',
        status: 422,
        detail: 'Session is outside',
        instance: '/consultations/c-1',
        rule: 'SessionOutsideConsultationDates',
        day: '2031-05-01',
      },
    });
  });

  it('does not let details overwrite the standard members', () => {
    const problem = toProblem(new RuleViolation('X', 'x', 409, { status: 200, type: 'about:blank', extra: 1 }), req);
    expect(problem.body).toMatchObject({ status: 409, type: 'https://convene.dev/problems/X', extra: 1 });
  });

  it('answers a version conflict with 409, or 412 when the expectation came from If-Match', () => {
    const conflict = new ConcurrencyConflict('s-1', '2', 3);
    expect(toProblem(conflict, req).status).toBe(409);
    expect(toProblem(conflict, { ...req, hasIfMatch: true })).toMatchObject({
      status: 412,
      body: { status: 412, rule: 'ExpectedVersionMismatch', currentVersion: 3 },
    });
  });

  it('answers a reused idempotency key with 422 and a domain NotFound with 404', () => {
    expect(toProblem(new IdempotencyKeyReused('k'), req).status).toBe(422);
    expect(toProblem(new NotFound('Consultation', 'c-9'), req).body).toMatchObject({ status: 404, rule: 'ConsultationNotFound' });
  });

  it('tells an unknown route from a 404 thrown by a handler', () => {
    const error = new NotFoundException('Cannot GET /x');
    expect(toProblem(error, { ...req, routeMatched: false }).body.rule).toBe('RouteNotFound');
    expect(toProblem(error, req).body.rule).toBe('NotFound');
  });

  it('recognises the body parser failures', () => {
    const malformed = new BadRequestException('Unexpected token', { cause: Object.assign(new SyntaxError('x'), { type: 'entity.parse.failed' }) });
    const tooLarge = new HttpException('request entity too large', 413, { cause: { type: 'entity.too.large' } });
    expect(toProblem(malformed, { ...req, routeMatched: false }).body).toMatchObject({ status: 400, rule: 'MalformedJson' });
    expect(toProblem(tooLarge, { ...req, routeMatched: false }).body).toMatchObject({ status: 413, rule: 'PayloadTooLarge' });
  });

  it('names the other failures of reading a request instead of a bare BadRequest', () => {
    const failure = (status: number, cause: object) => toProblem(new HttpException('Bad Request', status, { cause }), { ...req, routeMatched: false }).body;
    expect(failure(400, { type: 'entity.too.deep' })).toMatchObject({ status: 400, rule: 'JsonTooDeep' });
    expect(failure(415, { type: 'charset.unsupported' })).toMatchObject({ status: 415, rule: 'UnsupportedCharset' });
    expect(failure(415, { type: 'encoding.unsupported' })).toMatchObject({ status: 415, rule: 'UnsupportedContentEncoding' });
    expect(failure(400, Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR' }))).toMatchObject({ status: 400, rule: 'MalformedContentEncoding' });
    const uri = new BadRequestException("Failed to decode param '%E0%A4%A'", { cause: new URIError('URI malformed') });
    expect(toProblem(uri, req).body).toMatchObject({ status: 400, rule: 'MalformedPercentEncoding', detail: "Failed to decode param '%E0%A4%A'" });
  });

  it('adds a Bearer challenge to 401s', () => {
    expect(toProblem(new InvalidToken('expired'), req).headers).toEqual({ 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    expect(toProblem(new HttpException('no', 401), req).headers).toEqual({ 'WWW-Authenticate': 'Bearer' });
  });

  it('passes other HttpExceptions through with their status and message', () => {
    expect(toProblem(new HttpException({ message: ['a', 'b'] }, 405), req).body).toMatchObject({
      status: 405,
      rule: 'MethodNotAllowed',
      detail: 'a; b',
    });
  });

  it('answers unknown errors and 5xx HttpExceptions with 500 InternalError, keeping the message internal', () => {
    const secret = new Error('password=hunter2');
    const problem = toProblem(secret, req);
    expect(problem).toMatchObject({ status: 500, body: { rule: 'InternalError' }, internal: secret });
    expect(JSON.stringify(problem.body)).not.toContain('hunter2');
    expect(toProblem('a thrown string', req).status).toBe(500);
    const http500 = toProblem(new InternalServerErrorException('pool exhausted at 10.0.0.3'), req);
    expect(JSON.stringify(http500.body)).not.toContain('10.0.0.3');
  });
});

describe('titleFromRule', () => {
  it('turns the PascalCase rule into a sentence', () => {
    expect(titleFromRule('RegistrationExceedsCapacity')).toBe('Registration exceeds capacity');
    expect(titleFromRule('InvalidToken')).toBe('Invalid token');
  });
});
