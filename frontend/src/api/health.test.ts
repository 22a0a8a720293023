import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEALTH_READY_URL, HealthError, fetchReadiness } from './health.ts';

function jsonResponse(body: unknown, status: number): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function stubFetch(impl: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) {
  const mock = vi.fn(impl);
  vi.stubGlobal('fetch', mock);
  return mock;
}

async function catchError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchReadiness', () => {
  it('returns the report on 200 and calls the relative URL with same-origin credentials', async () => {
    const body = {
      status: 'ready',
      checks: { database: 'ok', redis: 'ok', migrations: 'ok' },
    };
    const fetchMock = stubFetch(async () => jsonResponse(body, 200));

    const report = await fetchReadiness();

    expect(report).toEqual({ ...body, httpStatus: 200 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/health/ready');
    expect(url).toBe(HEALTH_READY_URL);
    expect(init?.credentials).toBe('same-origin');
    expect(init?.method).toBe('GET');
  });

  it('returns a not_ready report (not an error) on 503 with a readiness body', async () => {
    stubFetch(async () =>
      jsonResponse(
        { status: 'not_ready', checks: { database: 'ok', redis: 'error', migrations: 'error' } },
        503,
      ),
    );

    const report = await fetchReadiness();

    expect(report.httpStatus).toBe(503);
    expect(report.status).toBe('not_ready');
    expect(report.checks).toEqual({ database: 'ok', redis: 'error', migrations: 'error' });
  });

  it('raises a typed network error when fetch rejects', async () => {
    const cause = new TypeError('Failed to fetch');
    stubFetch(async () => {
      throw cause;
    });

    const error = await catchError(fetchReadiness());

    expect(error).toBeInstanceOf(HealthError);
    const healthError = error as HealthError;
    expect(healthError.kind).toBe('network');
    expect(healthError.httpStatus).toBeNull();
    expect(healthError.cause).toBe(cause);
  });

  it('raises an aborted error when the signal cancels the request', async () => {
    const controller = new AbortController();
    stubFetch(async (_input, init) => {
      controller.abort();
      expect(init?.signal).toBe(controller.signal);
      throw new DOMException('The operation was aborted.', 'AbortError');
    });

    const error = await catchError(fetchReadiness({ signal: controller.signal }));

    expect(error).toBeInstanceOf(HealthError);
    expect((error as HealthError).kind).toBe('aborted');
  });

  it('raises an http error on 503 without a readiness body (e.g. a proxy page)', async () => {
    stubFetch(async () => new Response('<h1>Service Unavailable</h1>', { status: 503 }));

    const error = await catchError(fetchReadiness());

    expect(error).toBeInstanceOf(HealthError);
    expect((error as HealthError).kind).toBe('http');
    expect((error as HealthError).httpStatus).toBe(503);
  });

  it('raises an http error on other statuses, even with a readiness-shaped body', async () => {
    stubFetch(async () =>
      jsonResponse({ status: 'ready', checks: { database: 'ok' } }, 500),
    );

    const error = await catchError(fetchReadiness());

    expect(error).toBeInstanceOf(HealthError);
    expect((error as HealthError).kind).toBe('http');
    expect((error as HealthError).httpStatus).toBe(500);
  });

  it.each([
    ['not JSON', 'definitely not json'],
    ['wrong status value', JSON.stringify({ status: 'fine', checks: {} })],
    ['missing checks', JSON.stringify({ status: 'ready' })],
    ['bad check value', JSON.stringify({ status: 'ready', checks: { database: 'green' } })],
  ])('raises invalid_response on 200 with %s', async (_label, raw) => {
    stubFetch(async () => new Response(raw, { status: 200 }));

    const error = await catchError(fetchReadiness());

    expect(error).toBeInstanceOf(HealthError);
    expect((error as HealthError).kind).toBe('invalid_response');
    expect((error as HealthError).httpStatus).toBe(200);
  });
});
