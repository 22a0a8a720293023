import createClient from 'openapi-fetch';
import { describe, expect, it, vi } from 'vitest';
import { getJson, postJson } from './client.ts';
import { inContract } from './contract.ts';
import { ApiError } from './errors.ts';
import { createApiFetch } from './http.ts';
import type { paths } from './schema.gen.ts';

describe('typed client over the fetch layer', () => {
  it('openapi-fetch sends contract calls through the layer and returns typed data', async () => {
    const fetchImpl = vi.fn(async (request: Request) => {
      expect(request.headers.get('X-Request-ID')).toBeTruthy();
      expect(request.credentials).toBe('same-origin');
      return Response.json({ status: 'ok' });
    });
    const client = createClient<paths>({ baseUrl: 'http://app.test', fetch: createApiFetch({ fetchImpl }) });
    const { data } = await client.GET('/api/v1/health/live');
    expect(data?.status).toBe('ok');
  });

  it('openapi-fetch surfaces the layer\'s typed ApiError', async () => {
    const fetchImpl = async () =>
      Response.json({ error: { code: 'SERVICE_UNAVAILABLE', message: 'down', requestId: 'r-99999999' } }, { status: 503 });
    const client = createClient<paths>({ baseUrl: 'http://app.test', fetch: createApiFetch({ fetchImpl }) });
    await expect(client.GET('/api/v1/health/live')).rejects.toMatchObject({ status: 503, requestId: 'r-99999999' });
  });

  it('getJson builds the query string and parses JSON', async () => {
    let seen = '';
    const layer = createApiFetch({
      fetchImpl: async (request) => {
        seen = request.url;
        return Response.json({ data: [] });
      },
    });
    const body = await getJson('/api/v1/assets', { query: { status: 'broken', companyId: ['a', 'b'], q: undefined } }, layer);
    expect(body).toEqual({ data: [] });
    expect(new URL(seen).search).toBe('?status=broken&companyId=a&companyId=b');
  });

  it('getJson turns a non-JSON 200 (an HTML fallback page) into an ApiError', async () => {
    const layer = createApiFetch({ fetchImpl: async () => new Response('<!doctype html><html></html>', { status: 200 }) });
    const error = await getJson('/api/v1/me', {}, layer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('INVALID_RESPONSE');
  });

  it('postJson sends JSON, the CSRF header and the Idempotency-Key', async () => {
    let request: Request | undefined;
    const layer = createApiFetch({
      cookies: () => 'csrf_token=abc',
      fetchImpl: async (r) => {
        request = r;
        return Response.json({ data: { id: 1 } }, { status: 201 });
      },
    });
    await postJson('/api/v1/shares', { name: 'x' }, { idempotencyKey: 'k-1' }, layer);
    expect(request!.method).toBe('POST');
    expect(request!.headers.get('X-CSRF-Token')).toBe('abc');
    expect(request!.headers.get('Idempotency-Key')).toBe('k-1');
    expect(await request!.text()).toBe('{"name":"x"}');
  });

  it('knows which operations are in the committed contract', () => {
    expect(inContract('GET', '/api/v1/health/ready')).toBe(true);
    expect(inContract('POST', '/api/v1/health/ready')).toBe(false);
  });
});
