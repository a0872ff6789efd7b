/**
 * The one way the interface talks to the API: JSON in and out, the bearer token when signed in,
 * and every error as the API's RFC 9457 problem document (rule, detail, errors[], spans[]).
 */
import { session } from './auth';

export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

export interface AttributionSpan {
  start: number;
  end: number;
  text: string;
  reason: string;
  field?: string;
  sectionId?: string;
  keyPointId?: string;
  footnoteId?: string;
}

export interface ProblemDocument {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  rule?: string;
  errors?: FieldError[];
  spans?: AttributionSpan[];
  field?: string;
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: ProblemDocument) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  get status(): number {
    return this.problem.status;
  }
  get rule(): string | undefined {
    return this.problem.rule;
  }
}

export interface Reply<T> {
  body: T;
  etag: string | null;
  status: number;
}

interface Options {
  method?: string;
  body?: unknown;
  ifMatch?: string | number | null;
  /** A token other than the signed-in one (the participant's own). */
  token?: string | null;
}

function headers(options: Options): Headers {
  const h = new Headers({ Accept: 'application/json, application/problem+json' });
  const token = options.token === undefined ? session.get()?.token : options.token;
  if (token) h.set('Authorization', `Bearer ${token}`);
  if (options.body !== undefined) h.set('Content-Type', 'application/json');
  if (options.ifMatch !== undefined && options.ifMatch !== null) {
    h.set('If-Match', typeof options.ifMatch === 'number' ? `"${options.ifMatch}"` : options.ifMatch);
  }
  return h;
}

async function problemOf(res: Response): Promise<ApiError> {
  let body: Partial<ProblemDocument> = {};
  try {
    body = (await res.json()) as Partial<ProblemDocument>;
  } catch {
    // Not a problem document (a proxy's page): the status says enough.
  }
  return new ApiError({ ...body, status: res.status, detail: body.detail ?? (res.statusText || `HTTP ${res.status}`) });
}

export async function call<T>(path: string, options: Options = {}): Promise<Reply<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers: headers(options),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError({ status: 0, rule: 'NetworkError', detail: 'The server cannot be reached. Check the connection and try again.' });
  }
  if (!res.ok) throw await problemOf(res);
  const text = await res.text();
  return { body: (text ? JSON.parse(text) : null) as T, etag: res.headers.get('ETag'), status: res.status };
}

export const get = async <T>(path: string, token?: string | null): Promise<T> => (await call<T>(path, { token })).body;
export const post = async <T>(path: string, body: unknown = {}, options: Omit<Options, 'body'> = {}): Promise<T> =>
  (await call<T>(path, { ...options, method: 'POST', body })).body;

/** A file the API sends only to a signed-in caller: fetched with the token, then saved. */
export async function download(path: string): Promise<string> {
  const res = await fetch(path, { headers: headers({}) });
  if (!res.ok) throw await problemOf(res);
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const name = /filename\*?="?([^";]+)"?/.exec(disposition)?.[1] ?? path.split('/').pop()!.split('?')[0]!;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = decodeURIComponent(name);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return a.download;
}

export const versionOf = (etag: string | null): number | null => (etag ? Number(etag.replace(/^W\//, '').replace(/"/g, '')) : null);
