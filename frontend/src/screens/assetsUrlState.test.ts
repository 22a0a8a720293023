import { describe, expect, it } from 'vitest';
import {
  assetsQuery,
  DEFAULT_ASSETS_STATE,
  isFiltered,
  isoDateOrEmpty,
  parseAssetsState,
  serialiseAssetsState,
  type AssetsUrlState,
} from './assetsUrlState.ts';

const parse = (qs: string) => parseAssetsState(new URLSearchParams(qs));
const CO = '2716107b-89ff-4570-8a99-cb534a8354c1';

describe('assets table URL state (frontend.md §5.3)', () => {
  it('an empty URL is the default view', () => {
    expect(parse('')).toEqual(DEFAULT_ASSETS_STATE);
    expect(serialiseAssetsState(DEFAULT_ASSETS_STATE).toString()).toBe('');
    expect(isFiltered(DEFAULT_ASSETS_STATE)).toBe(false);
  });

  it('round-trips every field', () => {
    const state: AssetsUrlState = {
      search: 'widget',
      status: 'broken',
      openLiens: true,
      conveyanceType: 'security',
      dateFrom: '2010-01-01',
      dateTo: '2015-12-31',
      companyIds: [CO],
      sort: 'grantDate',
      order: 'asc',
    };
    const qs = serialiseAssetsState(state).toString();
    expect(qs).toBe(
      `search=widget&status=broken&conveyanceType=security&dateFrom=2010-01-01&dateTo=2015-12-31&sort=grantDate&order=asc&liens=open&companyId=${CO}`,
    );
    expect(parse(qs)).toEqual(state);
    expect(isFiltered(state)).toBe(true);
  });

  it('ignores unknown values instead of failing', () => {
    expect(parse('status=stolen&sort=lastActivity&order=sideways&conveyanceType=gift&liens=maybe&companyId=nope')).toEqual(
      DEFAULT_ASSETS_STATE,
    );
  });

  it('accepts only real calendar dates and swaps a reversed range', () => {
    expect(isoDateOrEmpty('2015-02-29')).toBe('');
    expect(isoDateOrEmpty('2016-02-29')).toBe('2016-02-29');
    expect(isoDateOrEmpty('29/02/2016')).toBe('');
    expect(parse('dateFrom=2015-12-31&dateTo=2010-01-01')).toMatchObject({ dateFrom: '2010-01-01', dateTo: '2015-12-31' });
  });

  it('trims the search and caps it at 255 characters (api.md §1.5)', () => {
    expect(parse('search=%20%20acme%20').search).toBe('acme');
    expect(parse(`search=${'x'.repeat(300)}`).search).toHaveLength(255);
  });

  it('keeps unrelated parameters and de-duplicates the company scope', () => {
    const out = serialiseAssetsState({ ...DEFAULT_ASSETS_STATE, status: 'encumbered' }, new URLSearchParams('view=x&search=old'));
    expect(out.toString()).toBe('view=x&status=encumbered');
    expect(parse(`companyId=${CO}&companyId=${CO}`).companyIds).toEqual([CO]);
  });

  it('maps to the GET /assets query, leaving "all" and empty values out', () => {
    expect(assetsQuery(DEFAULT_ASSETS_STATE)).toEqual({
      search: undefined,
      status: undefined,
      hasOpenLiens: undefined,
      conveyanceType: undefined,
      dateFrom: undefined,
      dateTo: undefined,
      companyId: undefined,
      sort: 'applicationNumber',
      order: 'desc',
    });
    expect(assetsQuery(parse(`status=broken&search=x&liens=open&companyId=${CO}`))).toMatchObject({
      status: 'broken',
      search: 'x',
      hasOpenLiens: 'true',
      companyId: [CO],
    });
  });
});
