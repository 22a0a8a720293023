/**
 * URL state of `/search?q=&fields=` (frontend.md §3.10, §5.3): the query and which fields to
 * search (title, number, assignee, inventor, conveyance text). No `fields` in the URL means
 * the server's default (title, number, assignee), so default links stay short.
 */
import type { SearchField } from './customerApi.ts';

export const SEARCH_FIELDS = ['title', 'number', 'assignee', 'inventor', 'conveyanceText'] as const satisfies readonly SearchField[];
export const DEFAULT_FIELDS: readonly SearchField[] = ['title', 'number', 'assignee'];
export const FIELD_LABELS: Readonly<Record<SearchField, string>> = {
  title: 'Title',
  number: 'Number',
  assignee: 'Assignee',
  inventor: 'Inventor',
  conveyanceText: 'Conveyance text',
};

export interface SearchState {
  q: string;
  fields: SearchField[];
}

export function parseSearchState(params: URLSearchParams): SearchState {
  const chosen = new Set(params.getAll('fields'));
  const fields = SEARCH_FIELDS.filter((f) => chosen.has(f));
  return { q: (params.get('q') ?? '').trim().slice(0, 255), fields: fields.length ? fields : [...DEFAULT_FIELDS] };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export function serialiseSearchState(state: SearchState): URLSearchParams {
  const out = new URLSearchParams();
  const q = state.q.trim();
  if (q) out.set('q', q);
  if (state.fields.length && !sameSet(state.fields, DEFAULT_FIELDS)) {
    for (const f of SEARCH_FIELDS) if (state.fields.includes(f)) out.append('fields', f);
  }
  return out;
}

/** GET /assets/search parameters; `fields` omitted when it is the default. */
export function searchQuery(state: SearchState): Record<string, string | readonly string[] | undefined> {
  return { q: state.q, fields: sameSet(state.fields, DEFAULT_FIELDS) ? undefined : state.fields };
}
