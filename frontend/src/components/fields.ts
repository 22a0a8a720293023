/** Narrowing helpers for API bodies whose contract types do not exist yet (no invented shapes). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The `data` of an envelope (api.md §1.2), else the body itself. */
export function dataOf(body: unknown): unknown {
  return isRecord(body) && 'data' in body ? body.data : body;
}

export function text(record: Record<string, unknown>, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = record[k];
    if (typeof v === 'string' && v !== '') return v;
    if (typeof v === 'number') return String(v);
  }
  return null;
}
