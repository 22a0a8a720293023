import { describe, expect, it } from 'vitest';
import { assetsQuery, DEFAULT_ASSETS_STATE, parseAssetsState, serialiseAssetsState } from './assetsUrlState.ts';

const parse = (qs: string) => parseAssetsState(new URLSearchParams(qs));

describe('assets table URL state (frontend.md §5.3)', () => {
  it('an empty URL is the default view', () => {
    expect(parse('')).toEqual(DEFAULT_ASSETS_STATE);
    expect(serialiseAssetsState(DEFAULT_ASSETS_STATE).toString()).toBe('');
  });

  it('round-trips every field', () => {
    const state = { search: 'widget', status: 'broken', sort: 'grantDate', order: 'asc' } as const;
    const qs = serialiseAssetsState(state).toString();
    expect(qs).toBe('search=widget&status=broken&sort=grantDate&order=asc');
    expect(parse(qs)).toEqual(state);
  });

  it('ignores unknown values instead of failing', () => {
    expect(parse('status=stolen&sort=random&order=sideways')).toEqual(DEFAULT_ASSETS_STATE);
  });

  it('trims the search and caps it at 255 characters (api.md §1.5)', () => {
    expect(parse('search=%20%20acme%20').search).toBe('acme');
    expect(parse(`search=${'x'.repeat(300)}`).search).toHaveLength(255);
  });

  it('keeps unrelated parameters such as the company scope', () => {
    const out = serialiseAssetsState({ ...DEFAULT_ASSETS_STATE, status: 'encumbered' }, new URLSearchParams('companies=a&search=old'));
    expect(out.toString()).toBe('companies=a&status=encumbered');
  });

  it('maps to the GET /assets query, leaving "all" and empty search out', () => {
    expect(assetsQuery(DEFAULT_ASSETS_STATE)).toEqual({ search: undefined, status: undefined, sort: 'lastActivity', order: 'desc' });
    expect(assetsQuery(parse('status=broken&search=x'))).toMatchObject({ status: 'broken', search: 'x' });
  });
});
