/**
 * The operations to fuzz, read from the app's own OpenAPI document, and a plausible valid request
 * body for each from its schema (examples, enums, and the ids of the seeded world), which the
 * fuzzer then mutates. A new endpoint is fuzzed without touching this file.
 */

export interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  method: string;
  /** OpenAPI template: /api/consultations/{id}/sessions */
  path: string;
  pathParams: string[];
  query: Array<{ name: string; schema: Schema }>;
  /** The JSON body's schema, references resolved. */
  body?: Schema;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Follows $ref, and flattens the single-member allOf that @nestjs/swagger writes for a nullable reference. */
export function resolveSchema(doc: OpenApiDocument, schema: Schema | undefined): Schema {
  let current = schema ?? {};
  for (let hops = 0; hops < 20; hops++) {
    if (current.$ref) {
      const name = current.$ref.split('/').pop()!;
      current = { ...(doc.components?.schemas?.[name] ?? {}), nullable: current.nullable };
    } else if (current.allOf?.length === 1) {
      const { allOf, ...rest } = current;
      current = { ...rest, ...allOf[0] };
    } else break;
  }
  return current;
}

/** Every operation of the document under /api and /health (the docs endpoints are Swagger's, not ours). */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]) => {
        const params = op.parameters ?? [];
        const json = op.requestBody?.content?.['application/json']?.schema;
        return {
          method: method.toUpperCase(),
          path,
          pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
          query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: resolveSchema(doc, p.schema) })),
          body: json ? resolveSchema(doc, json) : undefined,
        };
      }),
  );
}

/** "/api/consultations/{id}" -> "/api/consultations/:id", the router's spelling. */
export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`;

/** What the seeded world offers a request aimed at one consultation. */
export interface Context {
  seriesId: string;
  consultationId: string;
  /** First day of the consultation at the venue (YYYY-MM-DD). */
  startDate: string;
  sessionIds: string[];
  registrationIds: string[];
  personIds: string[];
  sectionIds: string[];
  keyPointIds: string[];
  organisationCodes: string[];
}

/** The collection a path parameter names, from the segment before it: /consultations/{id} is a consultation. */
export function pathParamValues(path: string, param: string, ctx: Context): string[] {
  const segments = path.split('/');
  const before = segments[segments.indexOf(`{${param}}`) - 1];
  switch (before) {
    case 'series':
      return [ctx.seriesId];
    case 'consultations':
      return [ctx.consultationId];
    case 'sessions':
      return ctx.sessionIds;
    case 'registrations':
      return ctx.registrationIds;
    case 'key-points':
      return ctx.keyPointIds;
    case 'people':
      return ctx.personIds;
    case 'regional-organisations':
      return ctx.organisationCodes;
    default:
      return [];
  }
}

/** The examples of the DTOs are dated around this day (the Geneva workshop of the demo series). */
const EXAMPLE_ANCHOR = Date.UTC(2019, 0, 24);
const DAY_MS = 86_400_000;

/** An example date or wall-clock time moved by as many days as the context's consultation is from the anchor. */
function shiftDate(example: string, ctx: Context): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(example);
  if (!match) return example;
  const offset = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - EXAMPLE_ANCHOR;
  const [y, m, d] = ctx.startDate.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d) + Math.round(offset / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  return day + example.slice(10);
}

/** Values for members whose examples cannot be right: ids of the world, fresh client-chosen ids, unique addresses. */
function hint(name: string, ctx: Context, fresh: string): unknown {
  switch (name) {
    case 'sessionId':
      return ctx.sessionIds.at(-1);
    case 'sessionIds':
      return ctx.sessionIds.slice(-1);
    case 'registrationIds':
      return ctx.registrationIds.slice(0, 2);
    case 'sectionId':
      return ctx.sectionIds.at(-1);
    case 'keyPointId':
    case 'footnoteId':
    case 'personId':
      return fresh;
    case 'email':
      return `fuzz-${fresh}@example.org`;
    default:
      return undefined;
  }
}

/** A value that satisfies the schema as far as the document tells (and the world's ids where it does not). */
export function validValue(doc: OpenApiDocument, raw: Schema | undefined, ctx: Context, fresh: string, name = '', depth = 0): unknown {
  const schema = resolveSchema(doc, raw);
  const hinted = hint(name, ctx, fresh);
  if (hinted !== undefined) return hinted;
  if (typeof schema.example === 'string') return shiftDate(schema.example, ctx);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  switch (schema.type) {
    case 'string':
      return 'Fuzzed text';
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return false;
    case 'array':
      return depth > 4 ? [] : [validValue(doc, schema.items, ctx, fresh, '', depth + 1)];
    default:
      if (!schema.properties || depth > 4) return {};
      return Object.fromEntries(Object.entries(schema.properties).map(([key, member]) => [key, validValue(doc, member, ctx, fresh, key, depth + 1)]));
  }
}
