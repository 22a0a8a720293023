import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './errors.ts';
import { createApiFetch, REFRESH_PATH, type ApiFetchOptions } from './http.ts';

const ORIGIN = 'http://app.test';

function json(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function envelope(code: string, reason?: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message: code, requestId: 'r-123456789', details: reason ? { reason, ...extra } : extra } };
}

interface Call {
  method: string;
  path: string;
  headers: Headers;
  credentials: RequestCredentials;
  body: string;
}

/** A fake server: `routes` answers per call; every call is recorded. */
function server(handler: (call: Call, n: number) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetchImpl = vi.fn(async (request: Request) => {
    const call: Call = {
      method: request.method,
      path: new URL(request.url).pathname,
      headers: request.headers,
      credentials: request.credentials,
      body: await request.text(),
    };
    calls.push(call);
    return handler(call, calls.length);
  });
  return { calls, fetchImpl };
}

function setup(handler: Parameters<typeof server>[0], extra: Partial<ApiFetchOptions> = {}) {
  const { calls, fetchImpl } = server(handler);
  const onUnauthenticated = vi.fn();
  const onForbidden = vi.fn();
  let id = 0;
  const apiFetch = createApiFetch({
    fetchImpl,
    onUnauthenticated,
    onForbidden,
    cookies: () => 'theme=dark; csrf_token=tok%2Babc; other=1',
    requestId: () => `rid-${++id}`,
    ...extra,
  });
  return { apiFetch, calls, onUnauthenticated, onForbidden };
}

const get = (path: string) => new Request(`${ORIGIN}${path}`);
const post = (path: string, body: unknown) =>
  new Request(`${ORIGIN}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected a rejection');
}

describe('request headers and credentials', () => {
  it('GET: same-origin credentials, a request id, no CSRF header', async () => {
    const { apiFetch, calls } = setup(() => json(200, { data: {} }));
    const response = await apiFetch(get('/api/v1/me'));
    expect(response.status).toBe(200);
    expect(calls[0]!.credentials).toBe('same-origin');
    expect(calls[0]!.headers.get('X-Request-ID')).toBe('rid-1');
    expect(calls[0]!.headers.has('X-CSRF-Token')).toBe(false);
  });

  it.each(['POST', 'PATCH', 'PUT', 'DELETE'])('%s carries X-CSRF-Token from the csrf_token cookie', async (method) => {
    const { apiFetch, calls } = setup(() => json(200, { data: {} }));
    await apiFetch(new Request(`${ORIGIN}/api/v1/shares/x`, { method, body: method === 'DELETE' ? null : '{}' }));
    expect(calls[0]!.headers.get('X-CSRF-Token')).toBe('tok+abc');
  });

  it('a mutation without the cookie sends no CSRF header (the API answers 403 csrf_failed)', async () => {
    const { apiFetch, calls } = setup(() => json(200, {}), { cookies: () => '' });
    await apiFetch(post('/api/v1/shares', {}));
    expect(calls[0]!.headers.has('X-CSRF-Token')).toBe(false);
  });
});

describe('errors', () => {
  it('throws a typed ApiError parsed from the envelope', async () => {
    const { apiFetch } = setup(() =>
      json(400, { error: { code: 'VALIDATION_ERROR', message: 'Bad', requestId: 'r-1', details: { fieldErrors: { name: ['required'] } } } }),
    );
    const error = await rejection(apiFetch(post('/api/v1/shares', {})));
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.fieldErrors).toEqual({ name: ['required'] });
  });

  it('403 goes to the one forbidden handler and is thrown', async () => {
    const { apiFetch, onForbidden, onUnauthenticated } = setup(() => json(403, envelope('FORBIDDEN', 'password_change_required')));
    const error = await rejection(apiFetch(get('/api/v1/assets')));
    expect(error.reason).toBe('password_change_required');
    expect(onForbidden).toHaveBeenCalledTimes(1);
    expect(onForbidden.mock.calls[0]![0]).toBe(error);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('a rejected fetch becomes a network ApiError', async () => {
    const { apiFetch } = setup(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await rejection(apiFetch(get('/api/v1/me')));
    expect(error.kind).toBe('network');
    expect(error.status).toBe(0);
  });

  it('an aborted request becomes an aborted ApiError', async () => {
    const controller = new AbortController();
    const { apiFetch } = setup(() => {
      controller.abort();
      throw new DOMException('aborted', 'AbortError');
    });
    const error = await rejection(apiFetch(new Request(`${ORIGIN}/api/v1/me`, { signal: controller.signal })));
    expect(error.kind).toBe('aborted');
  });
});

describe('401: refresh once, replay, else login', () => {
  it('refreshes and replays the original request (with its body) once', async () => {
    const { apiFetch, calls, onUnauthenticated } = setup((call, n) => {
      if (call.path === REFRESH_PATH) return json(200, { data: { expiresAt: 'x' } });
      return n === 1 ? json(401, envelope('UNAUTHORIZED', 'token_expired')) : json(201, { data: { id: 's1' } });
    });
    const response = await apiFetch(post('/api/v1/shares', { name: 'Deal room' }));
    expect(response.status).toBe(201);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/v1/shares',
      `POST ${REFRESH_PATH}`,
      'POST /api/v1/shares',
    ]);
    expect(calls[2]!.body).toBe(JSON.stringify({ name: 'Deal room' }));
    // The refresh is a cookie-authenticated mutation: it needs the CSRF header too (§2.4).
    expect(calls[1]!.headers.get('X-CSRF-Token')).toBe('tok+abc');
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('concurrent 401s share ONE refresh, then each replays', async () => {
    let releaseRefresh!: () => void;
    const refreshGate = new Promise<void>((resolve) => (releaseRefresh = resolve));
    const seen = new Map<string, number>();
    const { apiFetch, calls } = setup(async (call) => {
      if (call.path === REFRESH_PATH) {
        await refreshGate;
        return json(200, {});
      }
      const n = (seen.get(call.path) ?? 0) + 1;
      seen.set(call.path, n);
      return n === 1 ? json(401, envelope('UNAUTHORIZED', 'token_expired')) : json(200, { data: call.path });
    });
    const pending = Promise.all([apiFetch(get('/api/v1/a')), apiFetch(get('/api/v1/b')), apiFetch(get('/api/v1/c'))]);
    await vi.waitFor(() => expect(calls.filter((c) => c.path === REFRESH_PATH)).toHaveLength(1));
    releaseRefresh();
    const responses = await pending;
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(calls.filter((c) => c.path === REFRESH_PATH)).toHaveLength(1);
    expect(calls).toHaveLength(7);
  });

  it('a failed refresh sends the app to login and never replays', async () => {
    const { apiFetch, calls, onUnauthenticated } = setup((call) =>
      call.path === REFRESH_PATH ? json(401, envelope('UNAUTHORIZED', 'refresh_invalid')) : json(401, envelope('UNAUTHORIZED', 'token_expired')),
    );
    const error = await rejection(apiFetch(get('/api/v1/me')));
    expect(error.status).toBe(401);
    expect(error.reason).toBe('token_expired');
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/me', REFRESH_PATH]);
  });

  it('refresh_reused (theft) also ends at login', async () => {
    const { apiFetch, onUnauthenticated } = setup((call) =>
      call.path === REFRESH_PATH ? json(401, envelope('UNAUTHORIZED', 'refresh_reused')) : json(401, envelope('UNAUTHORIZED', 'token_expired')),
    );
    await rejection(apiFetch(get('/api/v1/me')));
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('refresh_race (another tab rotated first) replays silently', async () => {
    const { apiFetch, onUnauthenticated } = setup((call, n) => {
      if (call.path === REFRESH_PATH) return json(401, envelope('UNAUTHORIZED', 'refresh_race'));
      return n === 1 ? json(401, envelope('UNAUTHORIZED', 'token_expired')) : json(200, {});
    });
    const response = await apiFetch(get('/api/v1/me'));
    expect(response.status).toBe(200);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('a refresh that errors on the network ends at login', async () => {
    const { apiFetch, onUnauthenticated } = setup((call) => {
      if (call.path === REFRESH_PATH) throw new TypeError('Failed to fetch');
      return json(401, envelope('UNAUTHORIZED', 'token_expired'));
    });
    await rejection(apiFetch(get('/api/v1/me')));
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('a replay that is 401 again goes to login instead of refreshing again', async () => {
    const { apiFetch, calls, onUnauthenticated } = setup((call) =>
      call.path === REFRESH_PATH ? json(200, {}) : json(401, envelope('UNAUTHORIZED', 'token_invalid')),
    );
    await rejection(apiFetch(get('/api/v1/me')));
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/me', REFRESH_PATH, '/api/v1/me']);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('a replay that fails otherwise throws that error (403 handled once)', async () => {
    const { apiFetch, onForbidden } = setup((call, n) => {
      if (call.path === REFRESH_PATH) return json(200, {});
      return n === 1 ? json(401, envelope('UNAUTHORIZED', 'token_expired')) : json(403, envelope('FORBIDDEN'));
    });
    const error = await rejection(apiFetch(get('/api/v1/admin/organizations')));
    expect(error.status).toBe(403);
    expect(onForbidden).toHaveBeenCalledTimes(1);
  });

  it.each([
    '/api/v1/auth/login',
    '/api/v1/auth/mfa/verify',
    REFRESH_PATH,
    '/api/v1/shared/abc123/assets',
  ])('%s: a 401 is an answer, not an expired session (no refresh, no redirect)', async (path) => {
    const { apiFetch, calls, onUnauthenticated } = setup(() => json(401, envelope('UNAUTHORIZED', 'invalid_credentials')));
    const error = await rejection(apiFetch(post(path, {})));
    expect(error.reason).toBe('invalid_credentials');
    expect(calls).toHaveLength(1);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('after a refresh settles, a later 401 triggers a new refresh', async () => {
    let phase = 0;
    const { apiFetch, calls } = setup((call) => {
      if (call.path === REFRESH_PATH) return json(200, {});
      phase += 1;
      return phase % 2 === 1 ? json(401, envelope('UNAUTHORIZED', 'token_expired')) : json(200, {});
    });
    await apiFetch(get('/api/v1/a'));
    await apiFetch(get('/api/v1/b'));
    expect(calls.filter((c) => c.path === REFRESH_PATH)).toHaveLength(2);
  });
});
