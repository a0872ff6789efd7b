import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Body, Controller, Get, Headers, HttpCode, Post, Put, Res, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Type } from 'class-transformer';
import { IsArray, IsEmail, IsInt, IsString, Max, ValidateNested } from 'class-validator';
import { mkdtemp, rm } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, SignJWT } from 'jose';
import request from 'supertest';
import { ConcurrencyConflict, RuleViolation } from '@convene/event-store';
import {
  Allow,
  applyHttpHardening,
  commandMeta,
  createLogger,
  expectedVersionFromIfMatch,
  InMemoryIdempotencyStore,
  listEndpointAccess,
  PlatformModule,
  Principal,
  setEtag,
  TokenIssuer,
} from './index.js';

class SpeakerDto {
  @IsEmail() email!: string;
}

class RegisterDto {
  @IsString() name!: string;
  @IsInt() @Max(500) seats!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => SpeakerDto) speakers!: SpeakerDto[];
}

let handlerCalls = 0;

@Controller('consultations')
class ConsultationsController {
  @Post()
  @Allow('secretariat')
  register(@Body() dto: RegisterDto, @Principal() principal: Principal) {
    handlerCalls += 1;
    return { id: `c-${handlerCalls}`, name: dto.name, by: principal.sub, meta: commandMeta() };
  }

  @Get('public')
  @Allow('public')
  publicInfo() {
    return { meta: commandMeta() };
  }

  @Get('undeclared')
  undeclared() {
    return { leaked: true };
  }

  @Post('full')
  @Allow('secretariat', 'chair')
  full() {
    throw new RuleViolation('RegistrationExceedsCapacity', 'Consultation c-1 has no seats left', 409, { capacity: 40 });
  }

  @Put('schedule')
  @Allow('secretariat')
  @HttpCode(200)
  schedule(@Res({ passthrough: true }) res: ServerResponse) {
    const expected = expectedVersionFromIfMatch() ?? 0;
    if (expected !== 7) throw new ConcurrencyConflict('consultation-c-1', String(expected), 7);
    setEtag(res, 8);
    return { version: 8 };
  }

  @Get('boom')
  @Allow('public')
  boom() {
    throw new Error('connection to db.internal:5432 failed for user convene_admin');
  }

  @Get('echo-correlation')
  @Allow('public')
  echo(@Headers('x-correlation-id') sent: string | undefined) {
    return { sent, meta: commandMeta() };
  }
}

describe('platform over HTTP', () => {
  let app: INestApplication;
  let dataDir: string;
  let issuer: TokenIssuer;
  const logLines: Record<string, unknown>[] = [];
  const rawLogLines: string[] = [];
  const store = new InMemoryIdempotencyStore();
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'convene-platform-'));
    const logger = createLogger({ level: 'info', destination: {
        write: (line: string) => {
          rawLogLines.push(line);
          logLines.push(JSON.parse(line));
        },
      },
    });
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule.forRoot({ dataDir, idempotencyStore: { useValue: store }, logger })],
      controllers: [ConsultationsController],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
    applyHttpHardening(app as NestExpressApplication, { bodyLimit: '2kb', corsOrigins: [] });
    await app.init();
    issuer = app.get(TokenIssuer);
  });

  afterAll(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const bearer = async (role: 'secretariat' | 'chair' | 'participant', sub = 'alice', expiresIn?: string) =>
    `Bearer ${await issuer.issueToken({ role, sub, expiresIn })}`;

  const validBody = { name: 'Verification workshop', seats: 40, speakers: [{ email: 'a@example.org' }] };

  describe('validation', () => {
    it('answers 400 ValidationFailed with one entry per broken constraint and flattened field paths', async () => {
      const res = await http()
        .post('/consultations')
        .set('Authorization', await bearer('secretariat'))
        .send({ name: 'W', seats: 'many', speakers: [{ email: 'a@example.org' }, { email: 'not-an-email' }] })
        .expect(400)
        .expect('Content-Type', /application\/problem\+json/);
      expect(res.body).toMatchObject({
        type: 'https://convene.dev/problems/ValidationFailed',
        title: 'Validation failed',
        status: 400,
        rule: 'ValidationFailed',
        instance: '/consultations',
      });
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'seats', rule: 'isInt' }),
          expect.objectContaining({ field: 'speakers[1].email', rule: 'isEmail' }),
        ]),
      );
      expect(JSON.stringify(res.body)).not.toContain('not-an-email');
    });

    it('rejects a field the DTO does not declare', async () => {
      const res = await http()
        .post('/consultations')
        .set('Authorization', await bearer('secretariat'))
        .send({ ...validBody, isAdmin: true })
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'isAdmin', rule: 'whitelistValidation' })]);
    });

    it('answers malformed JSON with 400 MalformedJson', async () => {
      const res = await http()
        .post('/consultations')
        .set('Authorization', await bearer('secretariat'))
        .set('Content-Type', 'application/json')
        .send('{"name": "W",')
        .expect(400)
        .expect('Content-Type', /application\/problem\+json/);
      expect(res.body).toMatchObject({ rule: 'MalformedJson', status: 400, instance: '/consultations' });
      expect(res.headers['x-correlation-id']).toBe(res.body.correlationId);
    });

    it('answers a body over the limit with 413 PayloadTooLarge', async () => {
      const res = await http()
        .post('/consultations')
        .set('Authorization', await bearer('secretariat'))
        .send({ ...validBody, name: 'x'.repeat(4096) })
        .expect(413);
      expect(res.body).toMatchObject({ rule: 'PayloadTooLarge', status: 413 });
    });
  });

  it('answers an unknown route with 404 RouteNotFound', async () => {
    const res = await http().get('/no/such/route?x=1').expect(404).expect('Content-Type', /application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: 'https://convene.dev/problems/RouteNotFound',
      rule: 'RouteNotFound',
      status: 404,
      instance: '/no/such/route',
    });
  });

  describe('authentication and roles', () => {
    it('answers 401 AuthenticationRequired with a Bearer challenge when the token is missing', async () => {
      const res = await http().post('/consultations').send(validBody).expect(401);
      expect(res.body.rule).toBe('AuthenticationRequired');
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it('answers 401 InvalidToken for an expired token', async () => {
      const res = await http()
        .post('/consultations')
        .set('Authorization', await bearer('secretariat', 'alice', '-1h'))
        .send(validBody)
        .expect(401);
      expect(res.body).toMatchObject({ rule: 'InvalidToken', detail: expect.stringContaining('expired') });
      expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    });

    it('answers 401 InvalidToken for a token signed by another key', async () => {
      const { privateKey } = await generateKeyPair('ES256');
      const forged = await new SignJWT({ roles: ['secretariat'] })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('mallory')
        .setIssuer('convene')
        .setAudience('convene-api')
        .setExpirationTime('1h')
        .sign(privateKey);
      const res = await http().post('/consultations').set('Authorization', `Bearer ${forged}`).send(validBody).expect(401);
      expect(res.body).toMatchObject({ rule: 'InvalidToken', detail: expect.stringContaining('signature') });
    });

    it('answers 401 InvalidToken for a token meant for another audience', async () => {
      const other = new TokenIssuer({ issuer: 'convene', audience: 'another-api', dataDir });
      const token = await other.issueToken({ role: 'secretariat', sub: 'alice' });
      const res = await http().post('/consultations').set('Authorization', `Bearer ${token}`).send(validBody).expect(401);
      expect(res.body).toMatchObject({ rule: 'InvalidToken', detail: expect.stringContaining('"aud"') });
    });

    it('rejects a present but invalid token even on a public endpoint', async () => {
      const res = await http().get('/consultations/public').set('Authorization', 'Bearer not.a.jwt').expect(401);
      expect(res.body.rule).toBe('InvalidToken');
    });

    it('lets anyone call a public endpoint, as "anonymous"', async () => {
      const res = await http().get('/consultations/public').expect(200);
      expect(res.body.meta).toMatchObject({ actor: 'anonymous', actorRole: 'public' });
    });

    it('answers 403 RoleNotAllowed for a role the endpoint does not list', async () => {
      const res = await http().post('/consultations').set('Authorization', await bearer('participant')).send(validBody).expect(403);
      expect(res.body).toMatchObject({ rule: 'RoleNotAllowed', allowedRoles: ['secretariat'] });
    });

    it('denies an endpoint without an access declaration, even with a valid token', async () => {
      const res = await http().get('/consultations/undeclared').set('Authorization', await bearer('secretariat')).expect(403);
      expect(res.body.rule).toBe('EndpointAccessUndeclared');
      expect(res.body.leaked).toBeUndefined();
    });

    it('lists every endpoint with its declared access', () => {
      const endpoints = listEndpointAccess(app);
      expect(endpoints).toEqual(
        expect.arrayContaining([
          { controller: 'ConsultationsController', handler: 'register', method: 'POST', path: '/consultations', access: ['secretariat'] },
          { controller: 'ConsultationsController', handler: 'undeclared', method: 'GET', path: '/consultations/undeclared', access: undefined },
          expect.objectContaining({ path: '/consultations/full', access: ['secretariat', 'chair'] }),
        ]),
      );
      expect(endpoints).toHaveLength(7);
    });
  });

  describe('rule violations', () => {
    it('answers a RuleViolation with its status, rule and details', async () => {
      const res = await http().post('/consultations/full').set('Authorization', await bearer('chair')).expect(409);
      expect(res.body).toEqual({
        type: 'https://convene.dev/problems/RegistrationExceedsCapacity',
        title: 'Registration exceeds capacity',
        status: 409,
        detail: 'Consultation c-1 has no seats left',
        instance: '/consultations/full',
        rule: 'RegistrationExceedsCapacity',
        capacity: 40,
        correlationId: expect.any(String),
      });
    });

    it('answers a version conflict with 409 without If-Match and 412 with it', async () => {
      const auth = await bearer('secretariat');
      const conflict = await http().put('/consultations/schedule').set('Authorization', auth).expect(409);
      expect(conflict.body).toMatchObject({ rule: 'ExpectedVersionMismatch', currentVersion: 7 });
      const precondition = await http().put('/consultations/schedule').set('Authorization', auth).set('If-Match', '"6"').expect(412);
      expect(precondition.body).toMatchObject({ rule: 'ExpectedVersionMismatch', expectedVersion: '6', currentVersion: 7 });
      const ok = await http().put('/consultations/schedule').set('Authorization', auth).set('If-Match', 'W/"7"').expect(200);
      expect(ok.headers.etag).toBe('"8"');
    });

    it('answers a malformed If-Match with 400 InvalidIfMatch', async () => {
      const res = await http().put('/consultations/schedule').set('Authorization', await bearer('secretariat')).set('If-Match', '*').expect(400);
      expect(res.body.rule).toBe('InvalidIfMatch');
    });

    it('answers an unexpected error with 500 InternalError, logs it and leaks nothing', async () => {
      const res = await http().get('/consultations/boom').set('X-Correlation-Id', 'trace-boom-1').expect(500);
      expect(res.body).toMatchObject({ rule: 'InternalError', status: 500, correlationId: 'trace-boom-1' });
      expect(JSON.stringify(res.body)).not.toMatch(/db\.internal|convene_admin/);
      const logged = logLines.find((line) => line.correlationId === 'trace-boom-1' && line.level === 'error' && line.err);
      expect(JSON.stringify(logged)).toContain('convene_admin');
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first response without running the handler again', async () => {
      const auth = await bearer('secretariat');
      const before = handlerCalls;
      const first = await http().post('/consultations').set('Authorization', auth).set('Idempotency-Key', 'k-replay-1').send(validBody).expect(201);
      const again = await http()
        .post('/consultations')
        .set('Authorization', auth)
        .set('Idempotency-Key', 'k-replay-1')
        // Same content, other key order: still the same request.
        .send({ speakers: validBody.speakers, seats: 40, name: validBody.name })
        .expect(201);
      expect(handlerCalls).toBe(before + 1);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(first.body.meta.idempotency).toEqual({ key: 'k-replay-1', requestHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    });

    it('answers the same key with another body with 422', async () => {
      const auth = await bearer('secretariat');
      await http().post('/consultations').set('Authorization', auth).set('Idempotency-Key', 'k-reuse-1').send(validBody).expect(201);
      const res = await http()
        .post('/consultations')
        .set('Authorization', auth)
        .set('Idempotency-Key', 'k-reuse-1')
        .send({ ...validBody, seats: 41 })
        .expect(422);
      expect(res.body).toMatchObject({ rule: 'IdempotencyKeyReusedWithDifferentRequest', idempotencyKey: 'k-reuse-1' });
    });

    it('does not replay one user\'s response to another user with the same key', async () => {
      await http().post('/consultations').set('Authorization', await bearer('secretariat', 'alice')).set('Idempotency-Key', 'k-shared').send(validBody).expect(201);
      const res = await http()
        .post('/consultations')
        .set('Authorization', await bearer('secretariat', 'bob'))
        .set('Idempotency-Key', 'k-shared')
        .send(validBody)
        .expect(422);
      expect(res.body.rule).toBe('IdempotencyKeyReusedWithDifferentRequest');
    });

    it('answers an over-long key with 400 InvalidIdempotencyKey', async () => {
      const res = await http()
        .post('/consultations')
        .set('Authorization', await bearer('secretariat'))
        .set('Idempotency-Key', 'k'.repeat(256))
        .send(validBody)
        .expect(400);
      expect(res.body.rule).toBe('InvalidIdempotencyKey');
    });
  });

  describe('correlation id', () => {
    it('echoes the client\'s X-Correlation-Id and puts it into command metadata', async () => {
      const res = await http().get('/consultations/echo-correlation').set('X-Correlation-Id', 'corr-42').expect(200);
      expect(res.headers['x-correlation-id']).toBe('corr-42');
      expect(res.body.meta.correlationId).toBe('corr-42');
    });

    it('makes one up when the client sends none, also on errors', async () => {
      const res = await http().get('/nowhere').expect(404);
      expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.correlationId).toBe(res.headers['x-correlation-id']);
    });

    it('logs each request with its correlation id and without credentials or body', async () => {
      logLines.length = 0;
      rawLogLines.length = 0;
      await http()
        .post('/consultations')
        .set('Authorization', await bearer('secretariat'))
        .set('Cookie', 'session=secret-cookie')
        .set('X-Correlation-Id', 'corr-log-1')
        .send(validBody)
        .expect(201);
      const line = logLines.find((l) => l.correlationId === 'corr-log-1' && l.res);
      expect(line).toMatchObject({
        level: 'info',
        req: { method: 'POST', url: '/consultations', headers: { authorization: '[redacted]', cookie: '[redacted]' } },
        res: { statusCode: 201 },
      });
      for (const raw of rawLogLines) expect(raw.match(/"correlationId"/g)).toHaveLength(1);
      const text = JSON.stringify(logLines);
      expect(text).not.toContain('secret-cookie');
      expect(text).not.toMatch(/Bearer ey/);
      expect(text).not.toContain('Verification workshop');
    });
  });

  it('sets the hardening headers', async () => {
    const res = await http().get('/consultations/public').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers.etag).toBeUndefined();
  });
});
