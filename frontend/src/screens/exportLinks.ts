/**
 * CSV export links (frontend.md §3.4, §3.6, §5.5; api.md exports): the server streams every
 * matching row, so the link carries the list's current filters (not its sort or cursor —
 * the export has its own order) and the file is exactly what the table shows.
 */
import { assetsQuery, type AssetsUrlState } from './assetsUrlState.ts';

export const ASSETS_CSV = '/api/v1/exports/assets.csv';
export const BROKEN_TITLES_CSV = '/api/v1/exports/broken-titles.csv';
export const OPEN_LIENS_CSV = '/api/v1/exports/open-liens.csv';

type Query = Readonly<Record<string, string | readonly string[] | undefined>>;

export function hrefWith(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    for (const v of typeof value === 'string' ? [value] : value) params.append(key, v);
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The assets CSV with the table's filters (the export takes the same names as GET /assets). */
export function assetsExportHref(state: AssetsUrlState): string {
  const { sort: _sort, order: _order, ...filters } = assetsQuery(state);
  return hrefWith(ASSETS_CSV, filters);
}

export function brokenTitlesExportHref(companyIds: readonly string[] = []): string {
  return hrefWith(BROKEN_TITLES_CSV, { companyId: companyIds.length ? companyIds : undefined });
}
