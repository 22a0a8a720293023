/**
 * The paginated envelope (api.md §1.2, §1.4; D10): `{data: [...], cursor: {next, hasMore},
 * total, totalIsApproximate|totalExact}` read defensively, and a TanStack infinite query
 * over it for windowed tables (frontend.md §5.1: cursor paging on scroll).
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { getJson } from './client.ts';

export type Row = Record<string, unknown>;

export interface Page {
  rows: Row[];
  next: string | null;
  total: number | null;
  approximate: boolean;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Any list body (paginated envelope, bounded `{data: []}`, or a bare array) as a Page. */
export function readPage(body: unknown): Page {
  const data = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.data) ? body.data : [];
  const rows = data.filter(isRecord);
  let next: string | null = null;
  let total: number | null = null;
  let approximate = false;
  if (isRecord(body)) {
    const cursor = isRecord(body.cursor) ? body.cursor : {};
    if (typeof cursor.next === 'string' && cursor.next !== '' && cursor.hasMore !== false) next = cursor.next;
    if (typeof body.total === 'number') total = body.total;
    approximate = body.totalIsApproximate === true || body.totalExact === false;
  }
  return { rows, next, total, approximate };
}

/** All loaded rows, in order, plus the total of the newest page. */
export function flattenPages(pages: readonly Page[]): { rows: Row[]; total: number | null; approximate: boolean } {
  const last = pages[pages.length - 1];
  return {
    rows: pages.flatMap((p) => p.rows),
    total: last ? last.total : null,
    approximate: last ? last.approximate : false,
  };
}

type Query = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

/** Cursor paging of one list endpoint; `limit` ≤ 100 (D10). */
export function useCursorList(path: string, query: Query = {}, options: { enabled?: boolean; limit?: number } = {}) {
  const limit = options.limit ?? 100;
  return useInfiniteQuery({
    queryKey: ['list', path, query, limit],
    queryFn: async ({ pageParam, signal }) =>
      readPage(await getJson(path, { signal, query: { ...query, limit, cursor: pageParam ?? undefined } })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    enabled: options.enabled ?? true,
  });
}
