/**
 * The API's error envelope (api.md §1.3, D9) turned into one typed error class.
 *
 * Every non-2xx answer of the API carries
 *   {"error": {code, message, requestId, details: {reason?, fieldErrors?, retryAfter?, jobId?}, validationErrors?}}
 * The generated contract types name that shape ErrorEnvelope; this module validates it at
 * runtime (the API is another program, and a proxy may answer with HTML) and never throws
 * while doing so.
 */
import type { components } from './schema.gen.ts';

export type ErrorEnvelope = components['schemas']['ErrorEnvelope'];
export type ErrorBody = components['schemas']['ErrorBody'];

/** Why the request failed, for UI branching (frontend.md §5.7). */
export type ApiErrorKind =
  | 'http' // the API (or something in front of it) answered with a non-2xx status
  | 'network' // fetch() rejected: offline, DNS, refused
  | 'aborted'; // the caller's AbortSignal cancelled it

/** field -> messages, from details.fieldErrors (D9) or, failing that, validationErrors[]. */
export type FieldErrors = Readonly<Record<string, readonly string[]>>;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number;
  /** Envelope `code` (VALIDATION_ERROR, UNAUTHORIZED, ...), or a synthetic one. */
  readonly code: string;
  /** `details.reason` sub-code (token_expired, csrf_failed, share_expired, ...), if any. */
  readonly reason: string | null;
  readonly requestId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly fieldErrors: FieldErrors;
  /** Seconds to wait, from `details.retryAfter` or the Retry-After header (429, locks). */
  readonly retryAfter: number | null;

  constructor(init: {
    kind: ApiErrorKind;
    status: number;
    code: string;
    message: string;
    reason?: string | null;
    requestId?: string | null;
    details?: Record<string, unknown>;
    fieldErrors?: FieldErrors;
    retryAfter?: number | null;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.reason = init.reason ?? null;
    this.requestId = init.requestId ?? null;
    this.details = init.details ?? {};
    this.fieldErrors = init.fieldErrors ?? {};
    this.retryAfter = init.retryAfter ?? null;
  }

  /** True for this status and (optionally) this details.reason. */
  is(status: number, reason?: string): boolean {
    return this.status === status && (reason === undefined || this.reason === reason);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function asSeconds(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

/** D9 `details.fieldErrors` ({field: string | string[]}); else api.md's validationErrors[]. */
export function readFieldErrors(body: Record<string, unknown>): FieldErrors {
  const out: Record<string, string[]> = {};
  const details = isRecord(body.details) ? body.details : {};
  if (isRecord(details.fieldErrors)) {
    for (const [field, messages] of Object.entries(details.fieldErrors)) {
      const list = (Array.isArray(messages) ? messages : [messages]).filter(
        (m): m is string => typeof m === 'string',
      );
      if (list.length > 0) out[field] = list;
    }
  }
  if (Object.keys(out).length === 0 && Array.isArray(body.validationErrors)) {
    for (const item of body.validationErrors) {
      if (!isRecord(item)) continue;
      const field = asString(item.field);
      const message = asString(item.message);
      if (field === null || message === null) continue;
      // "body.password" -> "password": forms know their own field names only.
      const name = field.replace(/^(body|query|path|header)\./, '');
      (out[name] ??= []).push(message);
    }
  }
  return out;
}

const STATUS_CODES: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  410: 'GONE',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'VALIDATION_ERROR',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Build an ApiError from a status, the parsed JSON body (or undefined) and the headers.
 * A body that is not the envelope still yields a usable error named after the status.
 */
export function errorFromResponse(status: number, body: unknown, headers?: Headers): ApiError {
  const envelope = isRecord(body) && isRecord(body.error) ? body.error : null;
  const details = envelope && isRecord(envelope.details) ? envelope.details : {};
  const headerRequestId = headers?.get('X-Request-ID') ?? null;
  const retryAfter = asSeconds(details.retryAfter) ?? asSeconds(headers?.get('Retry-After'));
  return new ApiError({
    kind: 'http',
    status,
    code: asString(envelope?.code) ?? STATUS_CODES[status] ?? `HTTP_${status}`,
    message: asString(envelope?.message) ?? `The server answered HTTP ${status}.`,
    reason: asString(details.reason),
    requestId: asString(envelope?.requestId) ?? headerRequestId,
    details,
    fieldErrors: envelope ? readFieldErrors(envelope) : {},
    retryAfter,
  });
}

/** Read a Response's body as JSON without throwing (HTML proxy pages, empty bodies). */
export async function readJsonSafely(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

export function isAbortError(error: unknown): boolean {
  // DOMException is not always an Error subclass, so check the name on any object.
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

export function networkError(cause: unknown, aborted: boolean): ApiError {
  return aborted
    ? new ApiError({ kind: 'aborted', status: 0, code: 'ABORTED', message: 'The request was cancelled.', cause })
    : new ApiError({
        kind: 'network',
        status: 0,
        code: 'NETWORK_ERROR',
        message: 'Could not reach the PatenTrack API. Check your connection and retry.',
        cause,
      });
}
