/**
 * Event feed `/events` (frontend.md §3.7; api.md §3.3 #29): conveyances on the org's assets,
 * maintenance-fee events and pipeline runs, newest first, cursor-paged ("Load more").
 * Type and date range live in the URL.
 */
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { flattenPages, useCursorList } from '../api/pages.ts';
import { ListState, LoadMore } from '../components/ListState.tsx';
import { formatDate, formatTotal, humanize } from '../lib/format.ts';
import { enumParam, patchParams } from '../lib/urlParams.ts';
import { isoDateOrEmpty } from './assetsUrlState.ts';
import { rowsAs, type EventItem } from './customerApi.ts';
import { EventsNav } from './EventsNav.tsx';

const TYPES = ['all', 'assignment', 'maintenance', 'pipeline'] as const;
const TYPE_LABELS: Readonly<Record<(typeof TYPES)[number], string>> = {
  all: 'All events',
  assignment: 'Assignments',
  maintenance: 'Maintenance fees',
  pipeline: 'Pipeline runs',
};

export default function EventsPage() {
  const [params, setParams] = useSearchParams();
  const type = enumParam(params, 'type', TYPES, 'all');
  let dateFrom = isoDateOrEmpty(params.get('dateFrom'));
  let dateTo = isoDateOrEmpty(params.get('dateTo'));
  if (dateFrom && dateTo && dateFrom > dateTo) [dateFrom, dateTo] = [dateTo, dateFrom];
  const set = (patch: Record<string, string>) => setParams((prev) => patchParams(prev, patch, { type: 'all' }), { replace: true });
  const list = useCursorList('/api/v1/events', {
    type: type === 'all' ? undefined : type,
    dateFrom: dateFrom || undefined,
    dateTo: dateTo || undefined,
  });
  const { rows, total, approximate } = useMemo(() => flattenPages(list.data?.pages ?? []), [list.data]);
  const events = rowsAs<EventItem>(rows);
  const filtered = type !== 'all' || dateFrom !== '' || dateTo !== '';
  return (
    <section aria-labelledby="ev-title" className="page-wide">
      <h1 id="ev-title">Events</h1>
      <EventsNav />
      <form className="filters" aria-label="Filter events" onSubmit={(e) => e.preventDefault()}>
        <label>
          Type
          <select value={type} onChange={(e) => set({ type: e.target.value })}>
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={dateFrom} onChange={(e) => set({ dateFrom: e.target.value })} />
        </label>
        <label>
          To
          <input type="date" value={dateTo} onChange={(e) => set({ dateTo: e.target.value })} />
        </label>
      </form>
      <ListState
        pending={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={events.length === 0}
        emptyText={<p>{filtered ? 'No events match these filters.' : 'No events yet. They appear as conveyances are recorded and fees fall due.'}</p>}
        loadingLabel="Loading events…"
      >
        <p className="muted small" aria-live="polite">
          {formatTotal(events.length, total, approximate)}
        </p>
        <ul className="plain-list" data-testid="event-feed">
          {events.map((e) => (
            <li key={e.id} className="timeline__entry">
              <span className="chip">{TYPE_LABELS[e.type] ?? humanize(e.type)}</span> <span className="muted small">{formatDate(e.date)}</span>{' '}
              {e.assetId ? <Link to={`/assets/${encodeURIComponent(e.assetId)}/overview`}>{e.title}</Link> : <strong>{e.title}</strong>}
              {e.description && <p className="muted small">{e.description}</p>}
            </li>
          ))}
        </ul>
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
      </ListState>
    </section>
  );
}
