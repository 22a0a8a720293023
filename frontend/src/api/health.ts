/**
 * Typed client for the API readiness probe: GET /api/v1/health/ready.
 *
 * The endpoint answers 200 when every check passes and 503 when at least one
 * fails; both carry the same JSON body, so both are returned as a report.
 * Anything else (other HTTP errors, a body of the wrong shape, a network
 * failure) is raised as a HealthError with a `kind` the UI can branch on.
 */

export const HEALTH_READY_URL = '/api/v1/health/ready';

export type CheckStatus = 'ok' | 'error';
export type ReadinessStatus = 'ready' | 'not_ready';

/** Body of /api/v1/health/ready as the API sends it. */
export interface ReadinessBody {
  status: ReadinessStatus;
  /** e.g. { database: 'ok', redis: 'ok', migrations: 'error' } */
  checks: Readonly<Record<string, CheckStatus>>;
}

export interface ReadinessReport extends ReadinessBody {
  /** HTTP status the API answered with (200 or 503). */
  httpStatus: number;
}

export type HealthErrorKind =
  /** fetch() rejected: offline, DNS, connection refused, CORS... */
  | 'network'
  /** The request was aborted through the AbortSignal. */
  | 'aborted'
  /** An HTTP status other than 200/503, or a 503 without a readiness body. */
  | 'http'
  /** A 200 whose body is not JSON or not a readiness report. */
  | 'invalid_response';

export class HealthError extends Error {
  override readonly name = 'HealthError';
  readonly kind: HealthErrorKind;
  /** HTTP status when a response was received, otherwise null. */
  readonly httpStatus: number | null;

  constructor(
    kind: HealthErrorKind,
    message: string,
    options: { httpStatus?: number | null; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.httpStatus = options.httpStatus ?? null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCheckStatus(value: unknown): value is CheckStatus {
  return value === 'ok' || value === 'error';
}

/** Runtime guard: the API is another program, so its JSON is checked, not trusted. */
export function isReadinessBody(value: unknown): value is ReadinessBody {
  if (!isRecord(value)) return false;
  if (value.status !== 'ready' && value.status !== 'not_ready') return false;
  const checks = value.checks;
  if (!isRecord(checks)) return false;
  return Object.values(checks).every(isCheckStatus);
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error as { name: unknown }).name === 'AbortError'
  );
}

export interface FetchReadinessOptions {
  signal?: AbortSignal;
  /** Injected for tests; defaults to the global fetch. */
  fetchImpl?: typeof fetch;
}

export async function fetchReadiness(
  options: FetchReadinessOptions = {},
): Promise<ReadinessReport> {
  const doFetch = options.fetchImpl ?? globalThis.fetch;
  const init: RequestInit = {
    method: 'GET',
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { Accept: 'application/json' },
  };
  if (options.signal) init.signal = options.signal;

  let response: Response;
  try {
    response = await doFetch(HEALTH_READY_URL, init);
  } catch (error) {
    if (isAbortError(error) || options.signal?.aborted) {
      throw new HealthError('aborted', 'The health request was cancelled.', { cause: error });
    }
    throw new HealthError('network', 'Could not reach the PatenTrack API.', { cause: error });
  }

  const httpStatus = response.status;
  if (httpStatus !== 200 && httpStatus !== 503) {
    throw new HealthError('http', `The API answered HTTP ${httpStatus}.`, { httpStatus });
  }

  const body = await readJson(response);
  if (!isReadinessBody(body)) {
    if (httpStatus === 503) {
      // e.g. a proxy's 503 page: the API itself did not answer.
      throw new HealthError('http', 'The API is unavailable (HTTP 503).', { httpStatus });
    }
    throw new HealthError('invalid_response', 'The API sent an unexpected health response.', {
      httpStatus,
    });
  }

  return { status: body.status, checks: body.checks, httpStatus };
}
