/**
 * URL-held screen state (frontend.md §5.3: filters live in the URL so Back and bookmarks
 * work). Pure readers that fall back to the default for a hand-edited, unknown value, and
 * one writer that drops empty or default values so links stay short and canonical.
 */

/** The raw value if it is one of `values`, else `fallback`. */
export function enumParam<T extends string>(params: URLSearchParams, key: string, values: readonly T[], fallback: T): T {
  const raw = params.get(key);
  return values.find((v) => v === raw) ?? fallback;
}

/** An integer in [min, max], else `fallback` (also for "12abc" or "1e3"). */
export function intParam(params: URLSearchParams, key: string, min: number, max: number, fallback: number): number {
  const raw = params.get(key);
  if (raw === null || !/^-?\d+$/.test(raw.trim())) return fallback;
  const n = Number(raw.trim());
  return n >= min && n <= max ? n : fallback;
}

/** Like intParam, but "not set" (null) is a valid answer, e.g. an optional year. */
export function optionalIntParam(params: URLSearchParams, key: string, min: number, max: number): number | null {
  const n = intParam(params, key, min, max, Number.NaN);
  return Number.isNaN(n) ? null : n;
}

/** Free text, trimmed and capped (api.md §1.5: at most 255 characters). */
export function textParam(params: URLSearchParams, key: string, max = 255): string {
  return (params.get(key) ?? '').trim().slice(0, max);
}

export type ParamPatch = Readonly<Record<string, string | number | null | undefined>>;

/**
 * `prev` with `patch` applied: '' / null / undefined, or a value equal to `defaults[key]`,
 * remove the key; anything else sets it. Other keys are kept; `cursor`-like keys the caller
 * lists in `reset` are removed whenever a filter changes.
 */
export function patchParams(
  prev: URLSearchParams,
  patch: ParamPatch,
  defaults: ParamPatch = {},
  reset: readonly string[] = [],
): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const [key, value] of Object.entries(patch)) {
    const s = value === null || value === undefined ? '' : String(value).trim();
    const d = defaults[key];
    if (s === '' || (d !== undefined && d !== null && s === String(d))) next.delete(key);
    else next.set(key, s);
  }
  for (const key of reset) next.delete(key);
  return next;
}
