/**
 * Admin list filters live in the URL (frontend.md §3.11 "Filters live in the URL", §5.3):
 * a spec per list names each filter, its default and (for enums) the allowed values.
 * Defaults are left out of the URL so the plain path is the unfiltered list; unknown or
 * malformed values fall back to the default. Pure, so unit-tested.
 */
export interface FilterSpec {
  readonly [key: string]: { readonly default: string; readonly allowed?: readonly string[]; readonly pattern?: RegExp };
}

export type Filters<S extends FilterSpec> = { [K in keyof S]: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readFilters<S extends FilterSpec>(params: URLSearchParams, spec: S): Filters<S> {
  const out: Record<string, string> = {};
  for (const [key, rule] of Object.entries(spec)) {
    const raw = params.get(key);
    let value = raw === null ? rule.default : raw.trim();
    if (rule.allowed && !rule.allowed.includes(value)) value = rule.default;
    if (rule.pattern && value !== '' && !rule.pattern.test(value)) value = rule.default;
    out[key] = value;
  }
  return out as Filters<S>;
}

/** The search params for `filters` (defaults omitted), keeping params the spec does not own. */
export function writeFilters<S extends FilterSpec>(filters: Partial<Filters<S>>, spec: S, keep?: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams();
  if (keep) for (const [k, v] of keep) if (!(k in spec)) next.append(k, v);
  for (const [key, rule] of Object.entries(spec)) {
    const value = filters[key as keyof S];
    if (value !== undefined && value !== '' && value !== rule.default) next.set(key, value);
  }
  return next;
}

/** API query from the filters: empty values and the 'all'/'any' defaults are left out. */
export function apiQuery<S extends FilterSpec>(filters: Filters<S>, rename: Readonly<Record<string, string>> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === '' || value === 'any') continue;
    out[rename[key] ?? key] = value;
  }
  return out;
}

export const ORG_FILTERS = {
  search: { default: '' },
  status: { default: 'all', allowed: ['all', 'active', 'trial', 'suspended', 'cancelled', 'inactive'] },
} as const satisfies FilterSpec;

export const JOB_FILTERS = {
  source: { default: '' },
  status: { default: 'all', allowed: ['all', 'pending', 'running', 'success', 'failed', 'partial'] },
  dateFrom: { default: '', pattern: DATE },
  dateTo: { default: '', pattern: DATE },
} as const satisfies FilterSpec;

export const TRANSACTION_FILTERS = {
  orgId: { default: '', pattern: UUID },
  conveyanceType: {
    default: 'all',
    allowed: ['all', 'assignment', 'employee', 'govern', 'merger', 'namechg', 'license', 'release', 'security', 'correct', 'missing'],
  },
  dateFrom: { default: '', pattern: DATE },
  dateTo: { default: '', pattern: DATE },
  flagged: { default: 'any', allowed: ['any', 'true', 'false'] },
} as const satisfies FilterSpec;

/** The jobs API takes dateFrom/dateTo as datetimes: a day's range covers the whole day. */
export function jobsApiQuery(f: Filters<typeof JOB_FILTERS>): Record<string, string> {
  const q = apiQuery(f);
  if (q.dateFrom) q.dateFrom = `${q.dateFrom}T00:00:00Z`;
  if (q.dateTo) q.dateTo = `${q.dateTo}T23:59:59.999Z`;
  return q;
}
