/**
 * The typed API client: openapi-fetch over the generated contract types (schema.gen.ts),
 * sending every request through the one fetch layer (http.ts).
 *
 * `api` covers what openapi.json already describes. `getJson` serves screens whose
 * endpoints colleagues are still adding to the contract: its result type is the contract's
 * 200 body as soon as the path appears in `paths` (after `npm run generate:api`), and
 * `unknown` until then, so screens must narrow it and cannot invent a shape.
 */
import createClient from 'openapi-fetch';
import { emitAuthEvent } from './authEvents.ts';
import { ApiError } from './errors.ts';
import { createApiFetch, type ApiFetch } from './http.ts';
import type { paths } from './schema.gen.ts';

export const apiFetch: ApiFetch = createApiFetch({
  onUnauthenticated: (error) => emitAuthEvent({ type: 'unauthenticated', error }),
  onForbidden: (error) => emitAuthEvent({ type: 'forbidden', error }),
});

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin', fetch: apiFetch });

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : unknown;
type GetOk<Op> = Op extends { responses: { 200: infer R } } ? JsonOf<R> : unknown;
type PostOk<Op> = Op extends { responses: infer Rs }
  ? Rs extends { 200: infer R }
    ? JsonOf<R>
    : Rs extends { 201: infer R }
      ? JsonOf<R>
      : unknown
  : unknown;

/** 200 body of GET `P` when the contract has it, else unknown. */
export type GetResult<P extends string> = P extends keyof paths
  ? paths[P] extends { get: infer Op }
    ? GetOk<Op>
    : unknown
  : unknown;

/** 200/201 body of POST `P` when the contract has it, else unknown. */
export type PostResult<P extends string> = P extends keyof paths
  ? paths[P] extends { post: infer Op }
    ? PostOk<Op>
    : unknown
  : unknown;

type Query = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  const qs = params.toString();
  // Relative URLs resolve against the page (same origin as the API); tests pass absolute ones.
  const base = typeof location === 'undefined' ? 'http://localhost' : location.origin;
  return new URL(qs ? `${path}?${qs}` : path, base).toString();
}

async function bodyOf(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    // e.g. an HTML page from a proxy or a static server that does not know the API path.
    throw new ApiError({
      kind: 'http',
      status: response.status,
      code: 'INVALID_RESPONSE',
      message: 'The server did not answer with JSON.',
      requestId: response.headers.get('X-Request-ID'),
      cause,
    });
  }
}

export async function getJson<P extends string>(
  path: P,
  init: { query?: Query; signal?: AbortSignal } = {},
  fetchLayer: ApiFetch = apiFetch,
): Promise<GetResult<P>> {
  const request = new Request(url(path, init.query), init.signal ? { signal: init.signal } : {});
  return (await bodyOf(await fetchLayer(request))) as GetResult<P>;
}

/** PATCH / DELETE (CSRF header added by the fetch layer); the parsed body, if any. */
export async function sendJson(
  method: 'PATCH' | 'DELETE' | 'PUT',
  path: string,
  body?: unknown,
  init: { signal?: AbortSignal } = {},
  fetchLayer: ApiFetch = apiFetch,
): Promise<unknown> {
  const request = new Request(url(path), {
    method,
    ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  return bodyOf(await fetchLayer(request));
}

/** One Idempotency-Key per form submission (frontend.md §1). */
export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `idem-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export async function postJson<P extends string>(
  path: P,
  body: unknown,
  init: { signal?: AbortSignal; idempotencyKey?: string } = {},
  fetchLayer: ApiFetch = apiFetch,
): Promise<PostResult<P>> {
  const headers = new Headers({ 'Content-Type': 'application/json' });
  // frontend.md §1: creates send one Idempotency-Key per form submission.
  if (init.idempotencyKey) headers.set('Idempotency-Key', init.idempotencyKey);
  const request = new Request(url(path), {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  return (await bodyOf(await fetchLayer(request))) as PostResult<P>;
}
