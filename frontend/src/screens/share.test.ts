import { describe, expect, it } from 'vitest';
import { errorFromResponse } from '../api/errors.ts';
import { shareProblem } from './ShareViewerPage.tsx';

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
