/**
 * Search `/search?q=&fields=` (frontend.md §3.10; api.md §3.2 #21): ranked assets with
 * number, title, the field that matched and a snippet. Only the server's `<mark>` tags are
 * rendered (lib/snippet.ts splits them out; everything else stays text, never HTML). The
 * field picker and the query live in the URL; the legacy `/search/:q` redirects here.
 */
import { Fragment, useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { flattenPages, useCursorList } from '../api/pages.ts';
import { ListState, LoadMore } from '../components/ListState.tsx';
import { formatPatentNumber, formatTotal } from '../lib/format.ts';
import { parseSnippet } from '../lib/snippet.ts';
import { rowsAs, type SearchField, type SearchHit } from './customerApi.ts';
import { FIELD_LABELS, parseSearchState, SEARCH_FIELDS, searchQuery, serialiseSearchState } from './searchState.ts';

function Snippet({ html }: { html: string }) {
  return (
    <span>
      {parseSnippet(html).map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>))}
    </span>
  );
}

export default function SearchPage() {
  const [params, setParams] = useSearchParams();
  const state = parseSearchState(params);
  const [draft, setDraft] = useState(state.q);
  const [fields, setFields] = useState<SearchField[]>(state.fields);
  // Back/forward and the legacy /search/:q redirect change the URL: the form follows it.
  const urlKey = params.toString();
  useEffect(() => {
    const fromUrl = parseSearchState(new URLSearchParams(urlKey));
    setDraft(fromUrl.q);
    setFields(fromUrl.fields);
  }, [urlKey]);
  const list = useCursorList('/api/v1/assets/search', searchQuery(state), { enabled: state.q !== '' });
  const { rows, total, approximate } = useMemo(() => flattenPages(list.data?.pages ?? []), [list.data]);
  const hits = rowsAs<SearchHit>(rows);
  function submit(e: FormEvent) {
    e.preventDefault();
    setParams(serialiseSearchState({ q: draft, fields }));
  }
  const toggle = (f: SearchField) => setFields((cur) => (cur.includes(f) ? (cur.length > 1 ? cur.filter((x) => x !== f) : cur) : [...cur, f]));
  return (
    <section aria-labelledby="search-title" className="page-wide">
      <h1 id="search-title">Search</h1>
      <form className="filters" role="search" aria-label="Search assets" onSubmit={submit}>
        <label>
          Search for
          <input type="search" value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={255} placeholder="Title, number, owner…" />
        </label>
        <fieldset className="inline-field">
          <legend>In</legend>
          {SEARCH_FIELDS.map((f) => (
            <label key={f} className="checkbox">
              <input type="checkbox" checked={fields.includes(f)} onChange={() => toggle(f)} />
              {FIELD_LABELS[f]}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button-primary" disabled={draft.trim() === ''}>
          Search
        </button>
      </form>
      {state.q === '' ? (
        <div className="notice" role="status">
          <p>Type a title, patent or application number, or an owner’s name.</p>
        </div>
      ) : (
        <ListState
          pending={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          empty={hits.length === 0}
          emptyText={<p>Nothing matches “{state.q}” in {state.fields.map((f) => FIELD_LABELS[f].toLowerCase()).join(', ')}.</p>}
          loadingLabel="Searching…"
        >
          <p className="muted small" aria-live="polite">
            {formatTotal(hits.length, total, approximate)} for “{state.q}”
          </p>
          <ol className="plain-list" data-testid="search-results">
            {hits.map((h) => (
              <li key={h.id} className="timeline__entry">
                <Link to={`/assets/${encodeURIComponent(h.id)}/overview`}>
                  <strong>{formatPatentNumber(h.grantNumber, h.applicationNumber)}</strong>
                </Link>{' '}
                {h.title ?? ''}
                <p className="small">
                  <span className="chip">{FIELD_LABELS[h.matchField] ?? h.matchField}</span> <Snippet html={h.matchSnippet} />
                </p>
              </li>
            ))}
          </ol>
          <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
        </ListState>
      )}
    </section>
  );
}
