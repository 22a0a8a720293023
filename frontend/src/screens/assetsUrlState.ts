/**
 * URL state of the assets table (frontend.md §3.4, §5.1, §5.3): search, status, sort and
 * order live in the query string so views are bookmarkable and Back works. Pure parse /
 * serialise; defaults are omitted from the URL so links stay short and canonical.
 */
export const ASSET_STATUSES = ['all', 'complete', 'broken', 'encumbered'] as const;
export const ASSET_SORTS = ['lastActivity', 'applicationDate', 'grantDate', 'title'] as const;

export type AssetStatus = (typeof ASSET_STATUSES)[number];
export type AssetSort = (typeof ASSET_SORTS)[number];

export interface AssetsUrlState {
  search: string;
  status: AssetStatus;
  sort: AssetSort;
  order: 'asc' | 'desc';
}

export const DEFAULT_ASSETS_STATE: AssetsUrlState = { search: '', status: 'all', sort: 'lastActivity', order: 'desc' };

function oneOf<T extends string>(values: readonly T[], raw: string | null, fallback: T): T {
  return values.find((v) => v === raw) ?? fallback;
}

/** Unknown or malformed values fall back to the default instead of failing the screen. */
export function parseAssetsState(params: URLSearchParams): AssetsUrlState {
  return {
    // api.md §1.5: free text is at most 255 characters, trimmed.
    search: (params.get('search') ?? '').trim().slice(0, 255),
    status: oneOf(ASSET_STATUSES, params.get('status'), DEFAULT_ASSETS_STATE.status),
    sort: oneOf(ASSET_SORTS, params.get('sort'), DEFAULT_ASSETS_STATE.sort),
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
  };
}

/** The state as URL parameters; other parameters of `base` (e.g. companies) are kept. */
export function serialiseAssetsState(state: AssetsUrlState, base = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams(base);
  for (const key of ['search', 'status', 'sort', 'order'] as const) {
    const value = state[key].trim();
    if (value === '' || value === DEFAULT_ASSETS_STATE[key]) out.delete(key);
    else out.set(key, value);
  }
  return out;
}

/** The GET /assets query for a state (api.md §3.2 #12); `all` and empty mean "not filtered". */
export function assetsQuery(state: AssetsUrlState): Record<string, string | undefined> {
  return {
    search: state.search || undefined,
    status: state.status === 'all' ? undefined : state.status,
    sort: state.sort,
    order: state.order,
  };
}
