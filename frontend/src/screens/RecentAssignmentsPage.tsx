/**
 * Recent assignments `/events/assignments` (frontend.md §3.7; api.md §3.3 #31): conveyances
 * recorded on the org's assets in the last 1–365 days (default 30, `?days=` in the URL),
 * newest first, with the conveyance colour plus its type in words.
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { flattenPages, useCursorList } from '../api/pages.ts';
import { ListState, LoadMore } from '../components/ListState.tsx';
import { conveyanceLabel, formatCount, formatDate, formatTotal } from '../lib/format.ts';
import { intParam, patchParams } from '../lib/urlParams.ts';
import { rowsAs, type RecentAssignment } from './customerApi.ts';
import { EventsNav } from './EventsNav.tsx';

const PRESETS = [7, 30, 90, 180, 365] as const;

export default function RecentAssignmentsPage() {
  const [params, setParams] = useSearchParams();
  const days = intParam(params, 'days', 1, 365, 30);
  const list = useCursorList('/api/v1/events/assignments', { days });
  const { rows, total, approximate } = useMemo(() => flattenPages(list.data?.pages ?? []), [list.data]);
  const items = rowsAs<RecentAssignment>(rows);
  return (
    <section aria-labelledby="ra-title" className="page-wide">
      <h1 id="ra-title">Recent assignments</h1>
      <EventsNav />
      <form className="filters" aria-label="Look-back period" onSubmit={(e) => e.preventDefault()}>
        <label>
          Recorded in the last
          <select value={days} onChange={(e) => setParams((prev) => patchParams(prev, { days: e.target.value }, { days: 30 }), { replace: true })}>
            {[...new Set([...PRESETS, days])].sort((a, b) => a - b).map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
        </label>
      </form>
      <ListState
        pending={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={items.length === 0}
        emptyText={<p>No conveyances recorded in the last {days} days.</p>}
        loadingLabel="Loading recent assignments…"
      >
        <p className="muted small" aria-live="polite">
          {formatTotal(items.length, total, approximate)}
        </p>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Conveyances recorded in the last {days} days</caption>
            <thead>
              <tr>
                <th scope="col">Recorded</th>
                <th scope="col">Type</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Reel/frame</th>
                <th scope="col">Assets</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td>{formatDate(r.recordDate)}</td>
                  <td>
                    <span className="type-dot" style={{ background: r.color }} aria-hidden="true" /> {conveyanceLabel(r.conveyanceType)}
                    {r.conveyanceText && <span className="muted small"> — {r.conveyanceText}</span>}
                  </td>
                  <td>{r.assignorName ?? '—'}</td>
                  <td>{r.assigneeName ?? '—'}</td>
                  <td>{r.rfId}</td>
                  <td>{formatCount(r.affectedAssets)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
      </ListState>
    </section>
  );
}
