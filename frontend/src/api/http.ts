/**
 * The one fetch layer every API call goes through (frontend.md §1 "Requests", §3.1
 * "Session", §5.7; api.md §1.7, §1.9, §2.4).
 *
 * - cookie auth only: `credentials: 'same-origin'` (the SPA is served by the API's origin);
 * - `X-Request-ID` on every request, `X-CSRF-Token` (copied from the csrf_token cookie) on
 *   every mutation;
 * - ONE 401 handler: a single shared POST /auth/refresh (concurrent 401s wait for the same
 *   one), then the request is replayed once; if that fails the app is told to go to /login;
 * - ONE 403 handler: the app is told (gates such as password_change_required open there);
 * - every non-2xx answer is thrown as a typed ApiError parsed from the error envelope.
 *
 * It has the `(Request) => Promise<Response>` shape openapi-fetch expects as `fetch`.
 */
import { CSRF_COOKIE, documentCookies, readCookie } from './cookies.ts';
import { ApiError, errorFromResponse, isAbortError, networkError, readJsonSafely } from './errors.ts';

export const REFRESH_PATH = '/api/v1/auth/refresh';

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Calls whose 401 means "wrong credentials / no share session", not "access token expired":
 * refreshing would be wrong (and the refresh call itself must never recurse).
 * /shared/* has its own silent re-entry (frontend.md §3.12), handled by the share viewer.
 */
const NO_REFRESH_PREFIXES = [
  REFRESH_PATH,
  '/api/v1/auth/login',
  '/api/v1/auth/logout',
  '/api/v1/auth/mfa/verify',
  '/api/v1/auth/register',
  '/api/v1/auth/verify-email',
  '/api/v1/auth/resend-verification',
  '/api/v1/auth/forgot-password',
  '/api/v1/auth/reset-password',
  '/api/v1/auth/accept-invite',
  '/api/v1/auth/oauth/',
  '/api/v1/shared/',
];

export interface ApiFetchHooks {
  /** The session is gone (refresh failed, or the replay was 401 again): go to /login. */
  onUnauthenticated?: (error: ApiError) => void;
  /** Any 403 (role too low, csrf_failed, password_change_required, org_inactive, ...). */
  onForbidden?: (error: ApiError) => void;
}

export interface ApiFetchOptions extends ApiFetchHooks {
  fetchImpl?: (input: Request) => Promise<Response>;
  /** `document.cookie` by default; injected in tests. */
  cookies?: () => string;
  /** UUID per request by default. */
  requestId?: () => string;
}

export type ApiFetch = (input: Request) => Promise<Response>;

function pathOf(request: Request): string {
  try {
    return new URL(request.url, 'http://localhost').pathname;
  } catch {
    return request.url;
  }
}

function newRequestId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `req-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function createApiFetch(options: ApiFetchOptions = {}): ApiFetch {
  const doFetch = options.fetchImpl ?? ((input: Request) => globalThis.fetch(input));
  const cookies = options.cookies ?? documentCookies;
  const requestId = options.requestId ?? newRequestId;
  // Single flight: every 401 that arrives while a refresh runs awaits this same promise.
  let refreshing: Promise<boolean> | null = null;

  /** Copy of the request with our headers; the original stays unread for a replay. */
  function prepare(request: Request): Request {
    const headers = new Headers(request.headers);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    headers.set('X-Request-ID', requestId());
    if (MUTATIONS.has(request.method.toUpperCase())) {
      // Read the cookie per request: refresh rotates it (api.md §1.9).
      const csrf = readCookie(CSRF_COOKIE, cookies());
      if (csrf !== null) headers.set('X-CSRF-Token', csrf);
    }
    return new Request(request.clone(), { headers, credentials: 'same-origin' });
  }

  async function send(request: Request): Promise<Response> {
    try {
      return await doFetch(prepare(request));
    } catch (error) {
      throw networkError(error, isAbortError(error) || request.signal.aborted);
    }
  }

  async function refreshOnce(origin: string): Promise<boolean> {
    refreshing ??= (async () => {
      try {
        // No caller signal: one caller aborting must not cancel the refresh the others await.
        const response = await send(new Request(new URL(REFRESH_PATH, origin), { method: 'POST' }));
        if (response.ok) return true;
        // refresh_race: another tab rotated the token a moment ago; its new cookies are
        // already ours, so replaying is right (frontend.md §3.1 "retry silently").
        if (response.status === 401) {
          const err = errorFromResponse(401, await readJsonSafely(response), response.headers);
          return err.reason === 'refresh_race';
        }
        return false;
      } catch {
        return false;
      }
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function fail(response: Response): Promise<never> {
    const error = errorFromResponse(response.status, await readJsonSafely(response), response.headers);
    if (response.status === 403) options.onForbidden?.(error);
    throw error;
  }

  return async function apiFetch(request: Request): Promise<Response> {
    const first = await send(request);
    if (first.ok) return first;
    if (first.status !== 401 || NO_REFRESH_PREFIXES.some((p) => pathOf(request).startsWith(p))) {
      return fail(first);
    }
    const origin = new URL(request.url, 'http://localhost').origin;
    const refreshed = await refreshOnce(origin);
    if (!refreshed) {
      const error = errorFromResponse(401, await readJsonSafely(first), first.headers);
      options.onUnauthenticated?.(error);
      throw error;
    }
    const replay = await send(request);
    if (replay.ok) return replay;
    if (replay.status === 401) {
      // Refreshed but still refused: the session is not usable; never loop.
      const error = errorFromResponse(401, await readJsonSafely(replay), replay.headers);
      options.onUnauthenticated?.(error);
      throw error;
    }
    return fail(replay);
  };
}
