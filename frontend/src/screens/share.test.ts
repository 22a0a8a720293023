import { describe, expect, it, vi } from 'vitest';
import { errorFromResponse } from '../api/errors.ts';
import { parseEntry, shareProblem, sharedGet } from './ShareViewerPage.tsx';

const err = (status: number, reason?: string) =>
  errorFromResponse(status, { error: { code: 'X', message: 'x', details: reason ? { reason } : {} } });

describe('share viewer messages (frontend.md §5.7)', () => {
  it.each([
    [404, undefined, 'Link not found', false],
    [410, 'share_expired', 'Link expired', false],
    [410, 'share_exhausted', 'View limit reached', false],
    [403, 'share_permission', 'Not included', false],
    [429, undefined, 'Please wait', true],
    [500, undefined, 'Could not load this link', true],
  ])('%s %s -> %s', (status, reason, title, retry) => {
    expect(shareProblem(err(status, reason))).toMatchObject({ title, retry });
  });
});

describe('share session (frontend.md §3.12)', () => {
  it('repeats the entry call once on 401 share_session_required, then the request', async () => {
    const calls: string[] = [];
    let entered = false;
    const get = vi.fn(async (path: string) => {
      calls.push(path);
      if (path === '/api/v1/shared/abc') {
        entered = true;
        return { data: {} };
      }
      if (!entered) throw err(401, 'share_session_required');
      return { data: [{ id: 'x' }] };
    });
    await expect(sharedGet('abc', '/api/v1/shared/abc/assets', {}, undefined, get)).resolves.toEqual({ data: [{ id: 'x' }] });
    expect(calls).toEqual(['/api/v1/shared/abc/assets', '/api/v1/shared/abc', '/api/v1/shared/abc/assets']);
  });

  it('does not loop: a second 401 and any other error reach the page', async () => {
    const always401 = vi.fn(async (path: string) => {
      if (path === '/api/v1/shared/abc') return {};
      throw err(401, 'share_session_required');
    });
    await expect(sharedGet('abc', '/api/v1/shared/abc/assets', {}, undefined, always401)).rejects.toMatchObject({ status: 401 });
    expect(always401).toHaveBeenCalledTimes(3);
    const gone = vi.fn(async () => {
      throw err(410, 'share_expired');
    });
    await expect(sharedGet('abc', '/api/v1/shared/abc/assets', {}, undefined, gone)).rejects.toMatchObject({ status: 410 });
    expect(gone).toHaveBeenCalledTimes(1);
  });

  it('reads the entry with safe defaults (connections off unless granted)', () => {
    expect(parseEntry({ data: { organizationName: 'Acme', assetCount: 2, permissions: { diagram: true, assetList: false } } })).toMatchObject({
      organizationName: 'Acme',
      assetCount: 2,
      permissions: { diagram: true, assetList: false, connections: false },
    });
    expect(parseEntry(null).organizationName).toBe('A PatenTrack customer');
  });
});
