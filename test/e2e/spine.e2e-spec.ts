/**
 * The spine over HTTP: health on either database, OpenAPI, problem+json for unknown routes,
 * and the access every endpoint declares, checked for every role.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { listEndpointAccess, TOKEN_ROLES, type TokenRole } from '@convene/platform';
import { startTestApp, type TestApp } from '../support/app.js';

describe('the spine over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('reports health with the kind of database', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: t.db.kind });
    expect(res.headers['x-correlation-id']).toMatch(/[0-9a-f-]{36}/);
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const doc = await t.http.get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.paths['/health']).toBeDefined();
    await t.http.get('/api/docs').expect(200).expect('Content-Type', /html/);
  });

  it('answers an unknown route with problem+json naming the rule', async () => {
    const res = await t.http.post('/api/nowhere').send({ a: 1 }).expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, rule: 'RouteNotFound', instance: '/api/nowhere' });
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await t.http.post('/health').set('Content-Type', 'application/json').send('{"a":').expect(400);
    expect(res.body.rule).toBe('MalformedJson');
  });

  it('refuses a token signed by another key, and an expired one', async () => {
    const expired = await t.token('secretariat', 'alice', { expiresIn: '-1h' });
    const res = await t.http.get('/health').set('Authorization', `Bearer ${expired}`).expect(401);
    expect(res.body.rule).toBe('InvalidToken');
    const forged = (await t.token('secretariat')).replace(/\.[^.]+$/, '.AAAA');
    await t.http.get('/health').set('Authorization', `Bearer ${forged}`).expect(401);
  });

  it('every endpoint declares who may call it, and the guard enforces it for every role', async () => {
    const endpoints = listEndpointAccess(t.app);
    expect(endpoints.length).toBeGreaterThan(0);
    const tokens = Object.fromEntries(
      await Promise.all(TOKEN_ROLES.map(async (r) => [r, await t.token(r, `${r}-user`, r === 'focal-point' ? { state: 'SGP' } : {})])),
    ) as Record<TokenRole, string>;
    const failures: string[] = [];
    for (const e of endpoints) {
      if (!e.access) {
        failures.push(`${e.method} ${e.path} declares no access`);
        continue;
      }
      const path = e.path.replace(/:[A-Za-z]+/g, () => randomUUID());
      const call = (token?: string) => {
        const req = t.http[e.method.toLowerCase() as 'get'](path);
        return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(e.method === 'GET' ? undefined : {});
      };
      const isPublic = e.access.includes('public');
      const anonymous = await call();
      if (!isPublic && anonymous.status !== 401) failures.push(`${e.method} ${e.path} without token: ${anonymous.status}, wanted 401`);
      for (const role of TOKEN_ROLES) {
        const res = await call(tokens[role]);
        const allowed = isPublic || e.access.includes(role);
        if (allowed && (res.status === 401 || res.status === 403)) failures.push(`${e.method} ${e.path} as ${role}: ${res.status}, wanted access`);
        if (!allowed && res.status !== 403) failures.push(`${e.method} ${e.path} as ${role}: ${res.status}, wanted 403`);
        if (res.status >= 500) failures.push(`${e.method} ${e.path} as ${role}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('the spine on the embedded database (the npm start default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ embedded: true });
  });
  afterAll(async () => t?.close());

  it('reports health with database "embedded"', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'embedded' });
  });
});
