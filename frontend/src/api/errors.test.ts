import { describe, expect, it } from 'vitest';
import { ApiError, errorFromResponse, readFieldErrors } from './errors.ts';

describe('errorFromResponse (api.md §1.3, D9)', () => {
  it('reads code, message, requestId, reason and D9 fieldErrors from the envelope', () => {
    const error = errorFromResponse(400, {
      error: {
        code: 'VALIDATION_ERROR',
        message: 'Invalid input',
        requestId: 'req-12345678',
        details: { reason: 'password_policy', fieldErrors: { password: ['too short', 'needs a digit'], email: 'bad' } },
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('http');
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toBe('Invalid input');
    expect(error.requestId).toBe('req-12345678');
    expect(error.reason).toBe('password_policy');
    expect(error.fieldErrors).toEqual({ password: ['too short', 'needs a digit'], email: ['bad'] });
    expect(error.is(400, 'password_policy')).toBe(true);
    expect(error.is(400, 'csrf_failed')).toBe(false);
  });

  it('falls back to validationErrors[] with the location prefix stripped', () => {
    expect(
      readFieldErrors({
        validationErrors: [
          { field: 'body.password', message: 'too short', type: 'string_too_short' },
          { field: 'body.password', message: 'needs upper case', type: 'value_error' },
          { field: 'query.limit', message: 'max 100', type: 'less_than_equal' },
          { nonsense: true },
        ],
      }),
    ).toEqual({ password: ['too short', 'needs upper case'], limit: ['max 100'] });
  });

  it('takes retryAfter from details, else from the Retry-After header', () => {
    const locked = errorFromResponse(403, {
      error: { code: 'FORBIDDEN', message: 'Locked', details: { reason: 'account_locked', retryAfter: 60 } },
    });
    expect(locked.retryAfter).toBe(60);
    const limited = errorFromResponse(
      429,
      { error: { code: 'RATE_LIMITED', message: 'Slow down' } },
      new Headers({ 'Retry-After': '17', 'X-Request-ID': 'hdr-req-1' }),
    );
    expect(limited.retryAfter).toBe(17);
    expect(limited.requestId).toBe('hdr-req-1');
  });

  it('an admin-only lock has retryAfter null (frontend.md §3.1)', () => {
    const error = errorFromResponse(403, {
      error: { code: 'FORBIDDEN', message: 'Locked', details: { reason: 'account_locked', retryAfter: null } },
    });
    expect(error.retryAfter).toBeNull();
  });

  it.each([
    ['no body', undefined],
    ['an HTML string', '<h1>Bad gateway</h1>'],
    ['a JSON object without error', { detail: 'Not Found' }],
    ['an error that is not an object', { error: 'boom' }],
  ])('still produces a typed error from %s', (_label, body) => {
    const error = errorFromResponse(502, body);
    expect(error.status).toBe(502);
    expect(error.code).toBe('HTTP_502');
    expect(error.reason).toBeNull();
    expect(error.fieldErrors).toEqual({});
    expect(error.message).toMatch(/502/);
  });

  it('names known statuses after the contract codes when the body is missing', () => {
    expect(errorFromResponse(410, undefined).code).toBe('GONE');
    expect(errorFromResponse(404, undefined).code).toBe('NOT_FOUND');
  });
});
