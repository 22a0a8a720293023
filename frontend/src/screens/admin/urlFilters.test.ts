import { describe, expect, it } from 'vitest';
import { apiQuery, JOB_FILTERS, jobsApiQuery, ORG_FILTERS, readFilters, TRANSACTION_FILTERS, writeFilters } from './urlFilters.ts';

describe('admin URL filter state', () => {
  it('reads defaults from an empty URL and drops invalid values', () => {
    expect(readFilters(new URLSearchParams(''), ORG_FILTERS)).toEqual({ search: '', status: 'all' });
    expect(readFilters(new URLSearchParams('status=bogus&search=%20acme%20'), ORG_FILTERS)).toEqual({ search: 'acme', status: 'all' });
    expect(readFilters(new URLSearchParams('dateFrom=2026-13&status=failed'), JOB_FILTERS)).toMatchObject({ dateFrom: '', status: 'failed' });
    expect(readFilters(new URLSearchParams('orgId=not-a-uuid&flagged=true'), TRANSACTION_FILTERS)).toMatchObject({ orgId: '', flagged: 'true' });
  });

  it('writes only non-default values and keeps foreign params', () => {
    const keep = new URLSearchParams('job=abc&status=failed');
    const out = writeFilters({ status: 'all', source: 'USPTO_PASDL_DAILY', dateFrom: '2026-01-01', dateTo: '' }, JOB_FILTERS, keep);
    expect(out.toString()).toBe('job=abc&source=USPTO_PASDL_DAILY&dateFrom=2026-01-01');
  });

  it('round-trips through the URL', () => {
    const filters = { search: 'acme', status: 'trial' };
    expect(readFilters(writeFilters(filters, ORG_FILTERS), ORG_FILTERS)).toEqual(filters);
  });

  it('builds the API query', () => {
    const tx = readFilters(new URLSearchParams('conveyanceType=security&flagged=any'), TRANSACTION_FILTERS);
    expect(apiQuery(tx)).toEqual({ conveyanceType: 'security' });
    const jobs = readFilters(new URLSearchParams('dateFrom=2026-01-01&dateTo=2026-01-02'), JOB_FILTERS);
    expect(jobsApiQuery(jobs)).toEqual({ status: 'all', dateFrom: '2026-01-01T00:00:00Z', dateTo: '2026-01-02T23:59:59.999Z' });
  });
});
