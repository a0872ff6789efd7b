/**
 * The API's edges under attack or misuse, over HTTP with the real wiring (createApp /
 * configureApp): rate limits per client address (with and without a trusted proxy), body size,
 * rejected tokens, security headers and CORS, and what reaches the logs and error messages when a
 * request carries a token and a person's details.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { generateKeyPair, SignJWT } from 'jose';
import request from 'supertest';
import type { Database } from '@convene/event-store';
import { createLogger, JWT_SETTINGS, type JwtSettings, loadOrCreateLocalKeys, PLATFORM_LOGGER, TokenIssuer } from '@convene/platform';
import { PersonDirectory } from '@convene/registration';
import { AppModule } from '../../apps/api/src/app.module.js';
import { configureApp } from '../../apps/api/src/bootstrap.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { createEmbeddedDatabase, createServerDatabase, hasServer, type TestDatabase } from '../support/databases.js';
import { withEnv } from '../support/env.js';

const ALLOWED_ORIGIN = 'https://convene.unoda.example';
const PROBLEM = /^application\/problem\+json/;

let behindProxy: TestApp;
let secretariat: string;

beforeAll(async () => {
  behindProxy = await withEnv(
    {
      CONVENE_RATE_LIMIT_PUBLIC: '5/min',
      CONVENE_RATE_LIMIT_REGISTRATION: '2/min',
      CONVENE_TRUST_PROXY: 'loopback',
      CONVENE_CORS_ORIGINS: `${ALLOWED_ORIGIN}, https://admin.unoda.example`,
    },
    () => startTestApp(),
  );
  secretariat = `Bearer ${await behindProxy.token('secretariat', 'sec-amara')}`;
});
afterAll(async () => behindProxy?.close());

/** A request from a client address, as the trusted proxy in front of the API reports it. */
const from = (client: string) => ({
  get: (url: string) => behindProxy.http.get(url).set('X-Forwarded-For', client),
  post: (url: string) => behindProxy.http.post(url).set('X-Forwarded-For', client),
});

const registrationBody = () => ({
  person: { givenName: 'Test', familyName: 'Person', email: `p-${randomUUID()}@example.org` },
  stakeholderGroup: 'academia',
  represents: { organisation: 'Test University' },
  role: 'observer',
});

describe('rate limits', () => {
  it('answers the login-free endpoints 429 problem+json with Retry-After once a client is over its limit', async () => {
    const client = from('203.0.113.10');
    for (let i = 0; i < 5; i++) await client.get('/health').expect(200);
    const res = await client.get('/api/regional-organisations').expect(429).expect('Content-Type', PROBLEM);
    expect(res.body).toMatchObject({ status: 429, rule: 'RateLimitExceeded', limit: '5/min', retryAfterSeconds: expect.any(Number) });
    // One token every 12 s.
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(12);
    expect(res.headers['retry-after']).toBe(String(res.body.retryAfterSeconds));
  });

  it('counts each client address on its own, the proxy reporting it in X-Forwarded-For', async () => {
    for (let i = 0; i < 5; i++) await from('203.0.113.11').get('/health').expect(200);
    await from('203.0.113.11').get('/health').expect(429);
    await from('203.0.113.12').get('/health').expect(200);
    await from('2001:db8:12:34::1').get('/health').expect(200);
  });

  it('limits registration on its own, tighter limit, whoever calls it', async () => {
    const client = from('203.0.113.20');
    const consultation = randomUUID();
    // Counted before anything else: an unknown consultation spends the allowance as well.
    await client.post(`/api/consultations/${consultation}/registrations`).send(registrationBody()).expect(404);
    await client.post(`/api/consultations/${consultation}/registrations`).set('Authorization', secretariat).send(registrationBody()).expect(404);
    const res = await client.post(`/api/consultations/${consultation}/registrations`).send(registrationBody()).expect(429);
    expect(res.body).toMatchObject({ rule: 'RateLimitExceeded', limit: '2/min' });
    expect(res.body.detail).toContain('registration');
    // The public allowance of the same client is its own.
    await client.get('/health').expect(200);
  });

  it('refuses before it verifies a token, and leaves endpoints that need a login alone', async () => {
    const client = from('203.0.113.21');
    for (let i = 0; i < 5; i++) await client.get('/health').expect(200);
    await client.get('/health').set('Authorization', 'Bearer not-even-a-jwt').expect(429);
    for (let i = 0; i < 8; i++) await client.post('/api/series').set('Authorization', secretariat).send({ title: `Series ${i}`, organiser: 'UNODA' }).expect(201);
  });

  it('without a trusted proxy, ignores X-Forwarded-For: a client cannot pick the address it is counted by', async () => {
    const direct = await withEnv({ CONVENE_RATE_LIMIT_PUBLIC: '3/min', CONVENE_TRUST_PROXY: '' }, () => startTestApp());
    try {
      for (const forged of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) await direct.http.get('/health').set('X-Forwarded-For', forged).expect(200);
      const res = await direct.http.get('/health').set('X-Forwarded-For', '198.51.100.4').expect(429);
      expect(res.body.rule).toBe('RateLimitExceeded');
    } finally {
      await direct.close();
    }
  });
});

describe('body size', () => {
  it('answers a body over the limit with 413 problem+json PayloadTooLarge, not an HTML page', async () => {
    const res = await from('203.0.113.30')
      .post('/api/series')
      .set('Authorization', secretariat)
      .send({ title: 'x'.repeat(300 * 1024), organiser: 'UNODA' })
      .expect(413)
      .expect('Content-Type', PROBLEM);
    expect(res.body).toMatchObject({ status: 413, rule: 'PayloadTooLarge', instance: '/api/series' });
    expect(res.text).not.toContain('xxxx');
  });

  it('keeps answering malformed JSON with 400 problem+json MalformedJson', async () => {
    const res = await from('203.0.113.30')
      .post('/api/series')
      .set('Authorization', secretariat)
      .set('Content-Type', 'application/json')
      .send('{"title": "Cyber",')
      .expect(400)
      .expect('Content-Type', PROBLEM);
    expect(res.body.rule).toBe('MalformedJson');
  });

  // Found by the fuzz proof (test/proof/fuzz): each of these was a 500 or a bare status before.
  it('refuses a body nested thousands deep with 400 JsonTooDeep instead of overflowing the stack', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const res = await from('203.0.113.31').post('/api/series').set('Authorization', secretariat).set('Content-Type', 'application/json').send(deep).expect(400).expect('Content-Type', PROBLEM);
    expect(res.body.rule).toBe('JsonTooDeep');
  });

  it('refuses text no database can hold (NUL, a lone surrogate) as ValidationFailed naming the field, in a body or a path', async () => {
    const body = await from('203.0.113.31').post('/api/series').set('Authorization', secretariat).set('Content-Type', 'application/json').send('{"title":"a\\u0000b","organiser":"\\ud800"}').expect(400);
    expect(body.body.errors).toEqual([expect.objectContaining({ field: 'title', rule: 'wellFormedText' }), expect.objectContaining({ field: 'organiser', rule: 'wellFormedText' })]);
    const path = await from('203.0.113.31').get('/api/consultations/%00').set('Authorization', secretariat).expect(400);
    expect(path.body.errors).toEqual([expect.objectContaining({ field: 'id', rule: 'wellFormedText' })]);
  });

  it('names what is wrong with a body it cannot decompress and a path it cannot decode', async () => {
    const deflate = await from('203.0.113.31').post('/api/series').set('Authorization', secretariat).set('Content-Type', 'application/json').set('Content-Encoding', 'deflate').send('{"title":"x"}').expect(400);
    expect(deflate.body.rule).toBe('MalformedContentEncoding');
    const unknown = await from('203.0.113.31').post('/api/series').set('Authorization', secretariat).set('Content-Type', 'application/json').set('Content-Encoding', 'x-zip').send('{}').expect(415);
    expect(unknown.body.rule).toBe('UnsupportedContentEncoding');
    const path = await from('203.0.113.31').get('/api/consultations/%E0%A4%A').set('Authorization', secretariat).expect(400).expect('Content-Type', PROBLEM);
    expect(path.body).toMatchObject({ rule: 'MalformedPercentEncoding', detail: "Failed to decode param '%E0%A4%A'" });
  });

  it('answers a request line over the HTTP parser limit with 431 problem+json, not a bare status line', async () => {
    const res = await from('203.0.113.31').get(`/api/consultations?organisation=${'x'.repeat(20_000)}`).expect(431).expect('Content-Type', PROBLEM);
    expect(res.body).toMatchObject({ status: 431, rule: 'RequestHeadersTooLarge' });
  });
});

describe('tokens', () => {
  let settings: JwtSettings;
  const bad: Record<string, string> = {};

  beforeAll(async () => {
    settings = behindProxy.app.get<JwtSettings>(JWT_SETTINGS);
    const claims = (builder: SignJWT) => builder.setSubject('mallory').setIssuer(settings.issuer).setAudience(settings.audience);
    const { privateKey } = await generateKeyPair('ES256');
    bad.expired = await behindProxy.token('secretariat', 'alice', { expiresIn: '-1h' });
    bad['signed by another key'] = await claims(new SignJWT({ roles: ['secretariat'] }).setProtectedHeader({ alg: 'ES256' }).setExpirationTime('1h')).sign(privateKey);
    bad['from another issuer'] = await new TokenIssuer({ ...settings, issuer: 'https://idp.elsewhere.example' }).issueToken({ role: 'secretariat', sub: 'alice' });
    bad['for another audience'] = await new TokenIssuer({ ...settings, audience: 'another-api' }).issueToken({ role: 'secretariat', sub: 'alice' });
    const { privateKey: ownKey } = await loadOrCreateLocalKeys(settings.dataDir);
    bad['not valid yet'] = await claims(new SignJWT({ roles: ['secretariat'] }).setProtectedHeader({ alg: 'ES256' }).setNotBefore('1h').setExpirationTime('2h')).sign(ownKey);
    bad['without an expiry'] = await claims(new SignJWT({ roles: ['secretariat'] }).setProtectedHeader({ alg: 'ES256' })).sign(ownKey);
    // alg "none", and HS256 "signed" with the public key: the classic algorithm confusions.
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const payload = { sub: 'mallory', roles: ['secretariat'], iss: settings.issuer, aud: settings.audience, exp: Math.floor(Date.now() / 1000) + 3600 };
    bad['unsigned (alg none)'] = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`;
    bad['HS256 with a guessable key'] = await new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('convene-api'));
  });

  /** An endpoint for the secretariat only. */
  const waitlist = `/api/consultations/${randomUUID()}/waitlist`;
  const cases = [
    'expired',
    'signed by another key',
    'from another issuer',
    'for another audience',
    'not valid yet',
    'without an expiry',
    'unsigned (alg none)',
    'HS256 with a guessable key',
  ];

  it.each(cases)('answers a token %s with 401 problem+json InvalidToken, on an endpoint that needs a login', async (name) => {
    const res = await from('203.0.113.40').get(waitlist).set('Authorization', `Bearer ${bad[name]}`).expect(401).expect('Content-Type', PROBLEM);
    expect(res.body).toMatchObject({ status: 401, rule: 'InvalidToken' });
    expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(res.text).not.toContain(bad[name]);
  });

  it.each(cases)('answers a token %s with 401 on a login-free endpoint too', async (name) => {
    const res = await from(`203.0.113.${41 + cases.indexOf(name)}`).get('/api/regional-organisations').set('Authorization', `Bearer ${bad[name]}`).expect(401);
    expect(res.body.rule).toBe('InvalidToken');
  });

  it('lets the same request through with a good token, or none', async () => {
    // Through to the handler, which knows no such consultation.
    await from('203.0.113.50').get(waitlist).set('Authorization', secretariat).expect(404);
    await from('203.0.113.50').get('/api/regional-organisations').expect(200);
  });
});

describe('security headers and CORS', () => {
  it("sets helmet's headers on answers and on errors, and says nothing of the framework", async () => {
    for (const res of [await from('203.0.113.60').get('/health').expect(200), await from('203.0.113.60').get('/api/nowhere').expect(404)]) {
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('lets a configured origin call the API and read its headers', async () => {
    const res = await from('203.0.113.61').get('/health').set('Origin', ALLOWED_ORIGIN).expect(200);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(res.headers['access-control-expose-headers']).toEqual(expect.stringContaining('Retry-After'));
    expect(res.headers.vary).toMatch(/Origin/);
    const preflight = await behindProxy.http
      .options('/api/series')
      .set('Origin', 'https://admin.unoda.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://admin.unoda.example');
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
  });

  it('gives any other origin no CORS grant', async () => {
    const res = await from('203.0.113.62').get('/health').set('Origin', 'https://evil.example').expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await behindProxy.http.options('/api/series').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('grants no origin at all when none is configured', async () => {
    const plain = await withEnv({ CONVENE_CORS_ORIGINS: '' }, () => startTestApp());
    try {
      const res = await plain.http.get('/health').set('Origin', ALLOWED_ORIGIN).expect(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});

/** Fails the next lookups of a person the way a driver does: the input in `detail` and in the quoted message. */
class FailingPersonDirectory extends PersonDirectory {
  failWith?: (email: string) => Error;

  override async personsFor(emails: string[]): Promise<Map<string, string>> {
    if (this.failWith) throw this.failWith(emails[0]);
    return super.personsFor(emails);
  }
}

describe('what reaches the logs and the error messages', () => {
  const PERSON = { givenName: 'Gulnara', familyName: 'Seitkaliyeva', email: `gulnara.seitkaliyeva-${randomUUID()}@example.org` };
  const lines: string[] = [];
  let app: NestExpressApplication;
  let db: TestDatabase;
  let http: ReturnType<typeof request>;
  let token: string;
  let consultationId: string;

  beforeAll(async () => {
    db = hasServer() ? await createServerDatabase() : await createEmbeddedDatabase();
    const database: Database = {
      kind: db.kind,
      url: db.url,
      dataDir: await mkdtemp(path.join(tmpdir(), 'convene-e2e-')),
      supportsListen: db.kind === 'postgres',
      poolSize: db.kind === 'postgres' ? 10 : 1,
      close: async () => {},
    };
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot({ database })] })
      .overrideProvider(PLATFORM_LOGGER)
      .useValue(createLogger({ level: 'info', destination: { write: (line: string) => lines.push(line) } }))
      .overrideProvider(PersonDirectory)
      .useClass(FailingPersonDirectory)
      .compile();
    app = configureApp(moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true }));
    await app.init();
    http = request(app.getHttpServer());
    token = await app.get(TokenIssuer).issueToken({ role: 'secretariat', sub: 'sec-amara' });
    const auth = { Authorization: `Bearer ${token}` };
    const series = await http.post('/api/series').set(auth).send({ title: 'Log series', organiser: 'UNODA' }).expect(201);
    const scheduled = await http
      .post(`/api/series/${series.body.id}/consultations`)
      .set(auth)
      .send({ title: 'Log consultation', regionalOrganisation: null, venue: { city: 'Geneva', country: 'CHE' }, timeZone: 'Europe/Zurich', startDate: '2031-09-01', endDate: '2031-09-01', capacity: 10, workingLanguages: ['en'] })
      .expect(201);
    consultationId = scheduled.body.id;
    await http.post(`/api/consultations/${consultationId}/announce`).set(auth).send({}).expect(200);
    await http.post(`/api/consultations/${consultationId}/open-registration`).set(auth).send({ deadline: '2031-08-25T18:00' }).expect(200);
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const registration = (person: object) => ({ person, stakeholderGroup: 'civil-society', represents: { organisation: 'Steppe Policy Institute' }, role: 'observer' });
  const secrets = () => [token, PERSON.givenName, PERSON.familyName, PERSON.email, PERSON.email.toLowerCase().split('@')[0], 'Steppe Policy'];

  it('answers a registration with a token, a refused one and a failed one without echoing the person, and logs none of it', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    const answers = [
      await http.post(`/api/consultations/${consultationId}/registrations`).set(auth).set('X-Correlation-Id', 'log-ok').send(registration(PERSON)).expect(201),
      // Refused: the e-mail field holds the names, and a field that does not exist holds the address.
      await http
        .post(`/api/consultations/${consultationId}/registrations`)
        .set(auth)
        .set('X-Correlation-Id', 'log-invalid')
        .send({ ...registration({ ...PERSON, email: `${PERSON.givenName} ${PERSON.familyName}` }), contact: PERSON.email })
        .expect(400),
      await http.post(`/api/consultations/${randomUUID()}/registrations`).set('X-Correlation-Id', 'log-unknown').send(registration(PERSON)).expect(404),
    ];
    // Failed: the driver's error carries the address, as a unique violation's detail and a data error's message do.
    const directory = app.get(PersonDirectory) as FailingPersonDirectory;
    directory.failWith = (email) =>
      Object.assign(new Error(`invalid input syntax for type uuid: "${email}"`), {
        severity: 'ERROR',
        code: '22P02',
        detail: `Key (email)=(${email}) already exists.`,
        parameters: [PERSON.givenName, email],
      });
    try {
      answers.push(
        await http
          .post(`/api/consultations/${consultationId}/registrations`)
          .set(auth)
          .set('X-Correlation-Id', 'log-failed')
          .send(registration({ ...PERSON, email: `other-${PERSON.email}` }))
          .expect(500),
      );
    } finally {
      directory.failWith = undefined;
    }
    expect(answers.map((a) => a.body.rule)).toEqual([undefined, 'ValidationFailed', 'ConsultationNotFound', 'InternalError']);
    for (const answer of answers.slice(1)) {
      for (const secret of secrets()) expect(answer.text).not.toContain(secret);
    }

    await new Promise((resolve) => setTimeout(resolve, 50));
    const logged = lines.map((line) => JSON.parse(line) as Record<string, any>);
    const of = (correlationId: string) => logged.filter((l) => l.correlationId === correlationId);
    // The lines are there: each request, with the credential redacted, and the internal error with its code.
    expect(of('log-ok').find((l) => l.req)).toMatchObject({ req: { headers: { authorization: '[redacted]' } }, res: { statusCode: 201 } });
    expect(of('log-invalid').find((l) => l.res)).toMatchObject({ level: 'warn', res: { statusCode: 400 } });
    expect(of('log-unknown').find((l) => l.res)).toMatchObject({ level: 'warn', res: { statusCode: 404 } });
    expect(of('log-failed').find((l) => l.err)).toMatchObject({
      level: 'error',
      err: { code: '22P02', message: 'invalid input syntax for type uuid: "[redacted]"' },
    });
    const text = lines.join('');
    for (const secret of secrets()) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/Bearer ey/);
  });
});
