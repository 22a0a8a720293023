/**
 * URL state of the assets table (frontend.md §3.4, §5.1, §5.3): search, status, lien filter,
 * conveyance type, application-date range, company scope, sort and order live in the query
 * string so views are bookmarkable and Back works. Pure parse / serialise; defaults are
 * omitted from the URL so links stay short and canonical.
 *
 * The allowed values are the contract's (schema.gen.ts: TitleStatusFilter, AssetSort,
 * ConveyanceType): an unknown `sort` would be refused by the API (api.md §1.5), so anything
 * else in a hand-edited URL falls back to the default instead.
 */
import type { components } from '../api/schema.gen.ts';

type Schemas = components['schemas'];

export const ASSET_STATUSES = ['all', 'complete', 'broken', 'encumbered'] as const satisfies readonly Schemas['TitleStatusFilter'][];
export const ASSET_SORTS = ['applicationNumber', 'grantNumber', 'applicationDate', 'grantDate', 'title'] as const satisfies readonly Schemas['AssetSort'][];
export const CONVEYANCE_TYPES = [
  'assignment',
  'employee',
  'govern',
  'merger',
  'namechg',
  'license',
  'release',
  'security',
  'correct',
  'missing',
] as const satisfies readonly Schemas['ConveyanceType'][];

export type AssetStatus = (typeof ASSET_STATUSES)[number];
export type AssetSort = (typeof ASSET_SORTS)[number];
export type ConveyanceFilter = (typeof CONVEYANCE_TYPES)[number] | '';

export const SORT_LABELS: Readonly<Record<AssetSort, string>> = {
  applicationNumber: 'Application number',
  grantNumber: 'Grant number',
  applicationDate: 'Application date',
  grantDate: 'Grant date',
  title: 'Title',
};

export interface AssetsUrlState {
  search: string;
  status: AssetStatus;
  /** `?liens=open`: only assets with an open security interest (D2). */
  openLiens: boolean;
  conveyanceType: ConveyanceFilter;
  /** Application date range, ISO yyyy-mm-dd, inclusive (api.md §1.1). */
  dateFrom: string;
  dateTo: string;
  /** The company scope (frontend.md §3.2), repeated `?companyId=`. */
  companyIds: readonly string[];
  sort: AssetSort;
  order: 'asc' | 'desc';
}

export const DEFAULT_ASSETS_STATE: AssetsUrlState = {
  search: '',
  status: 'all',
  openLiens: false,
  conveyanceType: '',
  dateFrom: '',
  dateTo: '',
  companyIds: [],
  sort: 'applicationNumber',
  order: 'desc',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], raw: string | null, fallback: T): T {
  return values.find((v) => v === raw) ?? fallback;
}

/** A real calendar date in ISO form, else ''. */
export function isoDateOrEmpty(raw: string | null): string {
  if (raw === null || !ISO_DATE.test(raw)) return '';
  const d = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === raw ? raw : '';
}

/** Unknown or malformed values fall back to the default instead of failing the screen. */
export function parseAssetsState(params: URLSearchParams): AssetsUrlState {
  let dateFrom = isoDateOrEmpty(params.get('dateFrom'));
  let dateTo = isoDateOrEmpty(params.get('dateTo'));
  // A reversed range is the user's typo, not an empty result: swap it.
  if (dateFrom && dateTo && dateFrom > dateTo) [dateFrom, dateTo] = [dateTo, dateFrom];
  return {
    // api.md §1.5: free text is at most 255 characters, trimmed.
    search: (params.get('search') ?? '').trim().slice(0, 255),
    status: oneOf(ASSET_STATUSES, params.get('status'), DEFAULT_ASSETS_STATE.status),
    openLiens: params.get('liens') === 'open',
    conveyanceType: oneOf<ConveyanceFilter>(CONVEYANCE_TYPES, params.get('conveyanceType'), ''),
    dateFrom,
    dateTo,
    companyIds: [...new Set(params.getAll('companyId').filter((id) => UUID.test(id)))],
    sort: oneOf(ASSET_SORTS, params.get('sort'), DEFAULT_ASSETS_STATE.sort),
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
  };
}

const SCALARS = ['search', 'status', 'conveyanceType', 'dateFrom', 'dateTo', 'sort', 'order'] as const;

/** The state as URL parameters; other parameters of `base` are kept. */
export function serialiseAssetsState(state: AssetsUrlState, base = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams(base);
  for (const key of SCALARS) {
    const value = state[key].trim();
    if (value === '' || value === DEFAULT_ASSETS_STATE[key]) out.delete(key);
    else out.set(key, value);
  }
  if (state.openLiens) out.set('liens', 'open');
  else out.delete('liens');
  out.delete('companyId');
  for (const id of state.companyIds) out.append('companyId', id);
  return out;
}

/** True when any filter (not sort) narrows the list. */
export function isFiltered(state: AssetsUrlState): boolean {
  return (
    state.search !== '' ||
    state.status !== 'all' ||
    state.openLiens ||
    state.conveyanceType !== '' ||
    state.dateFrom !== '' ||
    state.dateTo !== '' ||
    state.companyIds.length > 0
  );
}

/** The GET /assets query for a state (api.md §3.2 #12); `all` and empty mean "not filtered". */
export function assetsQuery(state: AssetsUrlState): Record<string, string | readonly string[] | undefined> {
  return {
    search: state.search || undefined,
    status: state.status === 'all' ? undefined : state.status,
    hasOpenLiens: state.openLiens ? 'true' : undefined,
    conveyanceType: state.conveyanceType || undefined,
    dateFrom: state.dateFrom || undefined,
    dateTo: state.dateTo || undefined,
    companyId: state.companyIds.length ? state.companyIds : undefined,
    sort: state.sort,
    order: state.order,
  };
}
