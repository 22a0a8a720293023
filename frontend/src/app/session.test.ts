import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors.ts';
import { shouldRetry } from './queryClient.ts';
import { hasRole, parseMe } from './session.ts';

describe('parseMe', () => {
  it('reads the envelope and normalises api.md role names to D4', () => {
    const me = parseMe({ data: { id: 'u1', email: 'a@b.c', name: 'A', role: 'admin', organization: { name: 'Acme' } } });
    expect(me).toMatchObject({ id: 'u1', role: 'org_admin', organizationName: 'Acme' });
  });

  it('rejects unknown roles and shapes', () => {
    expect(parseMe({ data: { id: 'u1', role: 'root' } })).toBeNull();
    expect(parseMe('nope')).toBeNull();
  });

  it('ranks roles SA > A > M (D5)', () => {
    const member = parseMe({ id: 'u', role: 'org_member' })!;
    const sa = parseMe({ id: 'u', role: 'super_admin' })!;
    expect(hasRole(member, 'org_admin')).toBe(false);
    expect(hasRole(member, 'org_member')).toBe(true);
    expect(hasRole(sa, 'org_admin')).toBe(true);
  });
});

describe('query retries (frontend.md §1: 2 retries)', () => {
  it('retries network errors and 5xx at most twice, never 4xx', () => {
    const net = new ApiError({ kind: 'network', status: 0, code: 'NETWORK_ERROR', message: '' });
    const e500 = new ApiError({ kind: 'http', status: 503, code: 'X', message: '' });
    const e404 = new ApiError({ kind: 'http', status: 404, code: 'X', message: '' });
    expect(shouldRetry(0, net)).toBe(true);
    expect(shouldRetry(1, e500)).toBe(true);
    expect(shouldRetry(2, e500)).toBe(false);
    expect(shouldRetry(0, e404)).toBe(false);
  });
});
