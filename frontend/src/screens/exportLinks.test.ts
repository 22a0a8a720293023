import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSETS_STATE, parseAssetsState } from './assetsUrlState.ts';
import { assetsExportHref, brokenTitlesExportHref } from './exportLinks.ts';

describe('CSV export links carry the current filters', () => {
  it('unfiltered assets export has no query', () => {
    expect(assetsExportHref(DEFAULT_ASSETS_STATE)).toBe('/api/v1/exports/assets.csv');
  });

  it('maps the URL state to the export parameters, without sort/order', () => {
    const state = parseAssetsState(
      new URLSearchParams(
        'search=acme&status=broken&liens=open&conveyanceType=security&dateFrom=2015-01-01&dateTo=2016-01-01&sort=title&order=asc&companyId=0f3a8c1e-1111-4222-8333-444455556666',
      ),
    );
    const url = new URL(assetsExportHref(state), 'http://x');
    expect(url.pathname).toBe('/api/v1/exports/assets.csv');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      search: 'acme',
      status: 'broken',
      hasOpenLiens: 'true',
      conveyanceType: 'security',
      dateFrom: '2015-01-01',
      dateTo: '2016-01-01',
      companyId: '0f3a8c1e-1111-4222-8333-444455556666',
    });
  });

  it('broken titles export repeats companyId', () => {
    expect(brokenTitlesExportHref()).toBe('/api/v1/exports/broken-titles.csv');
    expect(brokenTitlesExportHref(['a', 'b'])).toBe('/api/v1/exports/broken-titles.csv?companyId=a&companyId=b');
  });
});
